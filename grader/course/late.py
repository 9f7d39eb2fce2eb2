"""Lateness and its penalty, per student, from course.toml's due date, extensions and late policy.

A day late is a started day (24 hours) past the student's own due date and the leeway.
``penalty``: ``penalty_per_day`` percent of the raw score per late day, at most
``max_penalty`` percent. ``grace_days``: each student's remaining grace days (course total
less ``grace_days_used`` in the roster) cover late days first; days beyond them cost
``penalty_per_day`` percent each (100 unless set: no credit). The gradebook shows raw score,
penalty and final score apart, so no deduction is silent.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from grader.course.roster import Roster, RosterError, Student
from grader.course.settings import CourseSettings
from grader.course.submitted import SubmissionTime

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Lateness:
    due: dt.datetime | None          # this student's due date
    days_late: int = 0
    grace_days_used: int = 0         # in this assignment
    grace_days_left: int | None = None
    penalty_percent: float = 0.0
    note: str = ""                   # why nothing could be computed, or what applied

    def penalty(self, raw_score: float) -> float:
        return round(raw_score * self.penalty_percent / 100, 4)


def parse_extension(text: str, zone: dt.tzinfo) -> float | dt.datetime:
    """A roster's extension cell: a number of days, or a date-time (in the course's zone)."""
    try:
        return float(text)
    except ValueError:
        pass
    moment = dt.datetime.fromisoformat(text)  # ValueError names the text
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def check_roster_extensions(roster: Roster, course: CourseSettings) -> None:
    """Every extension cell of the roster reads, or a ``RosterError`` names its row."""
    for student in roster.students:
        if student.extension:
            try:
                parse_extension(student.extension, course.timezone)
            except ValueError:
                raise RosterError(f"{student.row}: extension {student.extension!r} is neither a number of "
                                  "days nor a date-time such as 2026-11-23T12:00") from None


def due_for(course: CourseSettings, key: str, student: Student | None) -> dt.datetime | None:
    """The due date of one student (or of a submission, by its id, without a roster)."""
    if course.due is None:
        return None
    extension = course.extensions.get(key)
    if extension is None and student is not None and student.extension:
        extension = parse_extension(student.extension, course.timezone)
    if isinstance(extension, dt.datetime):
        return extension
    return course.due + dt.timedelta(days=extension or 0)


def lateness(course: CourseSettings, key: str, student: Student | None, time: SubmissionTime) -> Lateness:
    due = due_for(course, key, student)
    if due is None:
        return Lateness(None, note="no due date in course.toml")
    if time.at is None:
        return Lateness(due, note="submission time unknown: no penalty computed")
    past = time.at - due - dt.timedelta(minutes=course.late.leeway_minutes)
    days = max(0, math.ceil(past / DAY)) if past > dt.timedelta(0) else 0
    policy = course.late
    if policy.policy == "none":
        return Lateness(due, days, note="no late policy" if days else "")
    if policy.policy == "penalty":
        return Lateness(due, days, penalty_percent=min(days * policy.penalty_per_day, policy.max_penalty))
    left = max(0, policy.grace_days - int(student.grace_days_used if student else 0))
    used = min(days, left)
    percent = min((days - used) * policy.penalty_per_day, policy.max_penalty)
    return Lateness(due, days, used, left - used, percent)
