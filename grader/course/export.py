"""The gradebook in the import formats of learning-management systems, from the roster.

- ``canvas``: Canvas's gradebook CSV: ``Student, ID, SIS User ID, SIS Login ID, Section``,
  then one column per assignment (titled by course.toml's assignment name), and the
  ``Points Possible`` row Canvas writes in its own exports. Canvas matches a row by ID,
  SIS User ID or SIS Login ID: the roster's ``canvas_id``, ``id`` and ``login``.
- ``moodle``: Moodle's grade import CSV: ``Email address``, ``Username`` and ``ID number``
  (map one of them at import), the grade and a feedback column that says the raw score and
  the late penalty.
- ``csv``: a plain sheet per student: ids, raw score, late penalty, final score, status.

The grade is the final score (the raw score less the late penalty). A student without a
submission gets an empty cell (no grade), not a zero; submissions that match no student
cannot be imported and are named by ``export_problems``.
"""

from __future__ import annotations

import csv
import io
from typing import Callable

from grader.course.gradebook import ClassRecord, gradebook_rows
from grader.outputs.escape import csv_cell

EXPORT_FORMATS = ("canvas", "moodle", "csv")
CANVAS_HEADER = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
MOODLE_HEADER = ("Email address", "Username", "ID number")
PLAIN_HEADER = ("student_id", "name", "email", "github", "section", "submission", "status", "score",
                "late_penalty", "final_score", "max_score", "days_late")


class ExportError(Exception):
    """The class cannot be exported in that format; the message says what is missing."""


def export_text(record: ClassRecord, form: str) -> str:
    """The file for ``form`` (one of ``EXPORT_FORMATS``)."""
    if form in ("canvas", "moodle") and record.roster is None:
        raise ExportError(f"the {form} import needs the students: grade the class with "
                          "`grader batch ... --roster roster.csv` (the roster is kept in the output folder)")
    writer: Callable[[ClassRecord, csv.writer], None] = {"canvas": _canvas, "moodle": _moodle, "csv": _plain}[form]
    buffer = io.StringIO()
    writer(record, csv.writer(buffer))
    return buffer.getvalue()


def export_problems(record: ClassRecord) -> list[str]:
    """What the export leaves out or cannot yet say, one line each, for the terminal."""
    rows = gradebook_rows(record)
    problems = [f"{row['submission']}: {row['status']}; not exported"
                for row in rows if str(row.get("status", "")).startswith("unmatched")]
    pending = [str(row.get("student_id") or row["submission"]) for row in rows if row.get("pending_max_score")]
    if pending:
        problems.append(f"{len(pending)} student(s) have written parts awaiting review (their grade "
                        f"leaves those points out): {', '.join(pending)}")
    return problems


def _students(record: ClassRecord) -> list[dict]:
    return [row for row in gradebook_rows(record) if row.get("student_id")]


def _canvas(record: ClassRecord, writer) -> None:
    writer.writerow([*CANVAS_HEADER, csv_cell(record.course.assignment)])
    writer.writerow(["Points Possible", "", "", "", "", _number(_points_possible(record))])
    for row in _students(record):
        student = record.roster.get(str(row["student_id"]))
        writer.writerow([csv_cell(text) for text in (student.name, student.canvas_id, student.id,
                                                     student.login, student.section)]
                        + [_grade(row)])


def _moodle(record: ClassRecord, writer) -> None:
    writer.writerow([*MOODLE_HEADER, csv_cell(record.course.assignment), "Feedback"])
    for row in _students(record):
        student = record.roster.get(str(row["student_id"]))
        writer.writerow([csv_cell(text) for text in (student.email, student.username, student.id)]
                        + [_grade(row), csv_cell(_feedback(row))])


def _plain(record: ClassRecord, writer) -> None:
    writer.writerow(PLAIN_HEADER)
    for row in gradebook_rows(record):
        writer.writerow([_number(row[column]) if isinstance(row.get(column), (int, float))
                         else csv_cell(str(row.get(column, ""))) for column in PLAIN_HEADER])


def _grade(row: dict) -> str:
    return _number(row["final_score"]) if "final_score" in row else ""


def _feedback(row: dict) -> str:
    if "final_score" not in row:
        return "No submission."
    text = f"Auto-graded {row['score']:g} of {row['max_score']:g} points."
    if row["late_penalty"]:
        text += f" Late by {row['days_late']} day(s): {row['late_penalty']:g} points off, {row['final_score']:g} in all."
    return text


def _points_possible(record: ClassRecord) -> float:
    totals = [run.max_score + run.pending_max_score for run in record.runs if run.status != "error"]
    return max(totals, default=0.0)


def _number(value: float) -> str:
    return f"{value:g}"
