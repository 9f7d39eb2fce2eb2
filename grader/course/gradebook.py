"""The gradebook: one row per student of the roster (or per submission without one).

Each row keeps the raw score, the late penalty and the final score in columns of their
own, with the submission time, where that time came from and the student's due date, so
no deduction is silent. Students without a submission get a row saying so; submissions
that match no student get a row of their own at the end, flagged. The LMS exports
(``grader.course.export``) are made from these rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from grader.catalog import Catalog
from grader.course.late import Lateness, lateness
from grader.course.roster import Roster, Student, load_roster
from grader.course.settings import CourseSettings, load_course
from grader.course.submitted import TIME_FILE, SubmissionTime
from grader.domain import GradeRun
from grader.outputs.escape import csv_cell

ROSTER_FILE, COURSE_FILE = "roster.csv", "course.toml"
STUDENT_COLUMNS = ("student_id", "name", "email", "github", "section")
SCORE_COLUMNS = ("submission", "status", "score", "late_penalty", "final_score", "max_score",
                 "pending_max_score", "percent", "submitted_at", "time_source", "due", "days_late")
GRACE_COLUMNS = ("grace_days_used", "grace_days_left")
COUNT_COLUMNS = ("errors", "missing", "problems")


@dataclass(frozen=True)
class ClassRecord:
    """Everything the class outputs are made of: the runs, and the course's roster and rules."""

    runs: list[GradeRun]
    catalog: Catalog
    roster: Roster | None = None
    course: CourseSettings = CourseSettings()
    times: dict[str, SubmissionTime] = field(default_factory=dict)  # submission id -> time


def load_class_record(out: Path, runs: list[GradeRun], catalog: Catalog) -> ClassRecord:
    """The record of a batch output folder: its runs and the roster, course file and times kept there."""
    roster = load_roster(out / ROSTER_FILE) if (out / ROSTER_FILE).is_file() else None
    course = load_course(out / COURSE_FILE) if (out / COURSE_FILE).is_file() else CourseSettings()
    times = {}
    for run in runs:
        try:
            data = json.loads((out / "submissions" / run.submission / TIME_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        times[run.submission] = SubmissionTime.from_dict(data)
    return ClassRecord(runs, catalog, roster, course, times)


def gradebook_rows(record: ClassRecord) -> list[dict[str, object]]:
    """Every row, as column -> value (text or number), students first, then unmatched submissions."""
    runs = {run.submission: run for run in record.runs}
    if record.roster is None:
        return [_row(record, None, runs[name], "") for name in sorted(runs)]
    matching = record.roster.match(list(runs))
    rows = [_row(record, student, runs.get(matching.by_student.get(student.id, "")), "")
            for student in record.roster.students]
    rows += [_row(record, None, runs[name], f"unmatched: {why}") for name, why in sorted(matching.unmatched.items())]
    return rows


def gradebook_columns(record: ClassRecord) -> list[str]:
    student = list(STUDENT_COLUMNS) if record.roster is not None else []
    grace = list(GRACE_COLUMNS) if record.course.late.policy == "grace_days" else []
    return student + list(SCORE_COLUMNS) + grace + list(COUNT_COLUMNS) + [task.id for task in record.catalog.tasks]


def gradebook_csv(record: ClassRecord) -> str:
    columns = gradebook_columns(record)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in gradebook_rows(record):
        writer.writerow([_cell(row.get(column, "")) for column in columns])
    return buffer.getvalue()


def _row(record: ClassRecord, student: Student | None, run: GradeRun | None, flag: str) -> dict[str, object]:
    row: dict[str, object] = {}
    if student is not None:
        row.update(student_id=student.id, name=student.name, email=student.email, github=student.github,
                   section=student.section)
    if run is None:
        return {**row, "status": "no submission"}
    key = student.id if student is not None else run.submission
    time = record.times.get(run.submission, SubmissionTime(None, "unknown"))
    late = lateness(record.course, key, student, time)
    penalty = late.penalty(run.score) if run.status != "error" else 0.0
    statuses = [task.status for task in run.tasks]
    row.update(submission=run.submission, status=flag or _status(run, late), score=run.score,
               late_penalty=penalty, final_score=round(run.score - penalty, 4), max_score=run.max_score,
               pending_max_score=run.pending_max_score, percent=run_percent(run),
               submitted_at=_when(time.at, record.course), time_source=time.source,
               due=_when(late.due, record.course), days_late=late.days_late,
               grace_days_used=late.grace_days_used,
               grace_days_left="" if late.grace_days_left is None else late.grace_days_left,
               errors=statuses.count("error"), missing=statuses.count("missing"), problems=len(run.problems))
    row.update({task.id: task.score for task in run.tasks})
    return row


def _status(run: GradeRun, late: Lateness) -> str:
    if run.status == "error":
        return "not graded"
    if late.note and late.due is not None:
        return f"graded; {late.note}"
    if late.days_late:
        return f"graded; {late.days_late} day(s) late"
    return "graded"


def _when(moment: dt.datetime | None, course: CourseSettings) -> str:
    return moment.astimezone(course.timezone).isoformat(timespec="seconds") if moment else ""


def run_percent(run: GradeRun) -> float:
    """Points earned of all points, awaiting review included (the class summary's too)."""
    total = run.max_score + run.pending_max_score
    return round(100 * run.score / total, 1) if total else 0.0


def _cell(value: object) -> str:
    """Our numbers stay numbers; every text goes through ``csv_cell``."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return f"{value:g}"
    return csv_cell(str(value))
