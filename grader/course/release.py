"""Student reports released after the deadline, at the reveal level the course chose.

``points`` is what a student sees before release; ``names`` adds each hidden check's name
and points, ``feedback`` also the feedback its author wrote for students. A check's details
(pytest's account of a failure, quoting test code and the values compared), the hidden
tests and the rubrics are never in a student's view, at any level (``outputs.views``).
A report is released only once its student's own due date (extensions included) has
passed: before that, a classmate's released feedback would be a hint.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from grader.course.gradebook import ClassRecord
from grader.course.late import due_for
from grader.outputs.files import student_report
from grader.outputs.results import write_text_atomic

REPORT_FILE = "report.html"  # the student's report, as `grader batch` writes it


@dataclass(frozen=True)
class Release:
    """What one release did: reports rewritten, and those held until their due date."""

    reveal: str
    released: list[str] = field(default_factory=list)
    held: dict[str, dt.datetime] = field(default_factory=dict)  # submission -> its due date, still ahead
    refused: list[str] = field(default_factory=list)  # ids that are not one folder's name


def submission_due_dates(record: ClassRecord) -> dict[str, dt.datetime | None]:
    """Each submission's own due date: its student's extension applies, as in the gradebook."""
    runs = [run.submission for run in record.runs]
    matching = record.roster.match(runs) if record.roster is not None else None
    students = {student.id: student for student in record.roster.students} if record.roster else {}
    dues = {}
    for submission in runs:
        student_id = matching.student_of(submission) if matching is not None else None
        dues[submission] = due_for(record.course, student_id or submission, students.get(student_id))
    return dues


def release_reports(out: Path, record: ClassRecord, reveal: str, now: dt.datetime) -> Release:
    """Rewrite every student report under ``out`` whose due date is past, at ``reveal``."""
    release = Release(reveal)
    dues = submission_due_dates(record)
    for run in record.runs:
        due = dues[run.submission]
        if run.submission in ("", ".", "..") or Path(run.submission).name != run.submission:
            release.refused.append(run.submission)  # a results.json edited to name a folder elsewhere
        elif due is not None and due > now:
            release.held[run.submission] = due
        else:
            write_text_atomic(out / "submissions" / run.submission / REPORT_FILE, student_report(run, reveal))
            release.released.append(run.submission)
    return release
