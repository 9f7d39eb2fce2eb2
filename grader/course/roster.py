"""The class roster (``--roster roster.csv``): who the students are, and which submission is whose.

The file is staff's: CSV with a header row naming at least ``id`` and ``name``; optional
columns are ``email``, ``github``, ``submission`` (folder, archive or repository name),
``section``, ``canvas_id``, ``login`` (SIS login), ``username`` (Moodle), ``extension``
(extra days, or a new due date such as 2026-11-23T12:00) and ``grace_days_used`` (late
days used in earlier assignments). Headers compare without case, spaces or dashes, and a
few usual spellings are understood (``Student ID``, ``GitHub username``, ``Email
address``). Other columns are ignored. A bad row is an error that
names the file and row; nothing is graded with a roster that is wrong.

A submission id is matched to a student by, in this order: the ``submission`` column, the
student id, the GitHub user, the email, then a GitHub Classroom repository name ending
in ``-<github user>``. Names compare without case.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from grader.outputs.escape import csv_cell_read

REQUIRED = ("id", "name")
OPTIONAL = ("email", "github", "submission", "section", "canvas_id", "login", "username",
            "extension", "grace_days_used")
UNIQUE = ("id", "email", "github", "submission")
ALIASES = {"student_id": "id", "full_name": "name", "email_address": "email", "github_username": "github",
           "github_user": "github", "folder": "submission", "repository": "submission"}


class RosterError(Exception):
    """The roster cannot be used as it is; the message names the file and row."""


@dataclass(frozen=True)
class Student:
    id: str
    name: str
    email: str = ""
    github: str = ""
    submission: str = ""
    section: str = ""
    canvas_id: str = ""
    login: str = ""
    username: str = ""
    extension: str = ""          # as written; the late policy reads it
    grace_days_used: float = 0.0
    row: str = ""                # "roster.csv, row 4", for messages


@dataclass(frozen=True)
class Matching:
    """Submissions joined to students: who handed in what, who nothing, and what is nobody's."""

    by_student: dict[str, str] = field(default_factory=dict)   # student id -> submission id
    unmatched: dict[str, str] = field(default_factory=dict)    # submission id -> why it is nobody's

    def student_of(self, submission: str) -> str | None:
        return next((student for student, sub in self.by_student.items() if sub == submission), None)


@dataclass(frozen=True)
class Roster:
    students: tuple[Student, ...]

    def get(self, student_id: str) -> Student:
        return next(student for student in self.students if student.id == student_id)

    def match(self, submissions: list[str]) -> Matching:
        """Each submission to at most one student and each student to at most one submission."""
        by_student: dict[str, str] = {}
        unmatched: dict[str, str] = {}
        for submission in sorted(submissions):
            owners = self._owners(submission)
            if len(owners) != 1:
                unmatched[submission] = ("matches no student of the roster" if not owners else
                                         f"matches several students ({', '.join(o.id for o in owners)})")
            elif owners[0].id in by_student:
                unmatched[submission] = (f"{owners[0].id} already has a submission "
                                         f"({by_student[owners[0].id]})")
            else:
                by_student[owners[0].id] = submission
        return Matching(by_student, unmatched)

    def _owners(self, submission: str) -> list[Student]:
        """The students the first rule that applies names (later rules are not tried)."""
        name = submission.casefold()
        rules = (lambda s: s.submission.casefold() == name, lambda s: s.id.casefold() == name,
                 lambda s: s.github.casefold() == name, lambda s: s.email.casefold() == name,
                 lambda s: bool(s.github) and name.endswith("-" + s.github.casefold()))
        for rule in rules:
            owners = [student for student in self.students if rule(student)]
            if owners:
                return owners
        return []


def load_roster(path: Path) -> Roster:
    """The roster in ``path``; a ``RosterError`` naming the file and row when a row is wrong."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RosterError(f"{path}: cannot read ({exc})") from None
    reader = csv.reader(io.StringIO(text))
    try:
        header = [_column(name) for name in next(reader, [])]
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            raise RosterError(f"{path}, row 1: the header must name {', '.join(REQUIRED)} "
                              f"(missing: {', '.join(missing)}); optional: {', '.join(OPTIONAL)}")
        students = [_student(header, cells, f"{path.name}, row {number}")
                    for number, cells in enumerate(reader, start=2) if any(cell.strip() for cell in cells)]
    except csv.Error as exc:
        raise RosterError(f"{path}, row {reader.line_num}: not valid CSV ({exc})") from None
    _check_unique(students)
    if not students:
        raise RosterError(f"{path}: no students (only a header)")
    return Roster(tuple(students))


def _column(name: str) -> str:
    """A header cell as a column name: ``Student ID`` and ``student-id`` are ``id``."""
    column = name.strip().lower().replace(" ", "_").replace("-", "_")
    return ALIASES.get(column, column)


def _student(header: list[str], cells: list[str], where: str) -> Student:
    if len(cells) > len(header):
        raise RosterError(f"{where}: {len(cells)} cells but the header names {len(header)} columns")
    row = {name: csv_cell_read(cell.strip()) for name, cell in zip(header, cells)}
    for name in REQUIRED:
        if not row.get(name):
            raise RosterError(f"{where}: no {name}")
    try:
        used = float(row.get("grace_days_used") or 0)
    except ValueError:
        raise RosterError(f"{where}: grace_days_used {row['grace_days_used']!r} is not a number of days") from None
    if used < 0:
        raise RosterError(f"{where}: grace_days_used cannot be negative")
    known = {name: row.get(name, "") for name in OPTIONAL if name != "grace_days_used"}
    return Student(id=row["id"], name=row["name"], grace_days_used=used, row=where, **known)


def _check_unique(students: list[Student]) -> None:
    """No two rows share an id, email, GitHub user or submission name."""
    for column in UNIQUE:
        seen: dict[str, str] = {}
        for student in students:
            value = getattr(student, column).casefold()
            if value and value in seen:
                raise RosterError(f"{student.row}: {column} {getattr(student, column)!r} is already "
                                  f"used at {seen[value]}")
            if value:
                seen[value] = student.row
