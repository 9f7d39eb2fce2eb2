"""A course's ``course.toml``: the assignment's due date, extensions, late policy, release and limits.

    [assignment]
    name = "Homework 3"            # the column title in LMS exports
    due = 2026-11-20T23:59:00      # local time in the zone below (or with an offset)
    timezone = "Europe/Berlin"

    [late]
    policy = "penalty"             # "none", "penalty" or "grace_days"
    penalty_per_day = 10           # percent of the raw score, per started day late
    max_penalty = 50               # percent, the cap
    grace_days = 3                 # "grace_days": late days each student may use across the course
    leeway_minutes = 5             # a submission this late still counts as on time

    [extensions]                   # per student id: extra days, or a new due date
    s07 = 2
    s11 = 2026-11-23T12:00:00

    [release]
    reveal = "points"              # "points", "names" or "feedback"

    [gradescope]
    graded_per_window = 3          # at most this many graded submissions ...
    window_hours = 24              # ... in any window this long

Every section is optional. Errors name the file and the key (or the line, for TOML syntax).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from grader.outputs.views import REVEAL_LEVELS

LATE_POLICIES = ("none", "penalty", "grace_days")


class CourseError(Exception):
    """course.toml cannot be used as it is; the message names the file and the key."""


@dataclass(frozen=True)
class LatePolicy:
    policy: str = "none"
    penalty_per_day: float = 0.0   # percent of the raw score
    max_penalty: float = 100.0     # percent
    grace_days: int = 0
    leeway_minutes: float = 0.0


@dataclass(frozen=True)
class SubmissionLimit:
    graded_per_window: int
    window_hours: float


@dataclass(frozen=True)
class CourseSettings:
    assignment: str = "Assignment"
    due: dt.datetime | None = None          # aware
    timezone: dt.tzinfo = dt.timezone.utc
    late: LatePolicy = LatePolicy()
    extensions: dict[str, object] = field(default_factory=dict)  # student id -> days or a due date
    reveal: str = "points"
    limit: SubmissionLimit | None = None


def load_course(path: Path) -> CourseSettings:
    """The settings in ``path``; a ``CourseError`` naming file and key when something is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CourseError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise CourseError(f"{path}: not valid TOML ({exc})") from None
    reader = _Reader(path, data)
    assignment = reader.table("assignment", {"name", "due", "timezone"})
    zone = _zone(reader, assignment.get("timezone", "UTC"))
    return CourseSettings(
        assignment=reader.text(assignment, "assignment.name", "Assignment"),
        due=_moment(reader, assignment["due"], "assignment.due", zone) if "due" in assignment else None,
        timezone=zone,
        late=_late(reader),
        extensions=_extensions(reader, zone),
        reveal=reader.choice(reader.table("release", {"reveal"}), "release.reveal", REVEAL_LEVELS, "points"),
        limit=_limit(reader),
    )


class _Reader:
    """Typed reads of the parsed TOML, each error naming the file and the dotted key."""

    def __init__(self, path: Path, data: dict):
        self.path, self.data = path, data
        unknown = set(data) - {"assignment", "late", "extensions", "release", "gradescope"}
        if unknown:
            self.fail(sorted(unknown)[0], "is not a section course.toml knows "
                      "(assignment, late, extensions, release, gradescope)")

    def fail(self, key: str, message: str):
        raise CourseError(f"{self.path}: {key} {message}")

    def table(self, name: str, keys: set[str] | None) -> dict:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            self.fail(name, "must be a table ([" + name + "])")
        unknown = set(value) - keys if keys is not None else set()
        if unknown:
            self.fail(f"{name}.{sorted(unknown)[0]}", f"is not a known key (known: {', '.join(sorted(keys))})")
        return value

    def text(self, table: dict, key: str, default: str) -> str:
        value = table.get(key.split(".")[-1], default)
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "must be a non-empty string")
        return value.strip()

    def number(self, table: dict, key: str, default: float, low: float = 0.0, high: float | None = None) -> float:
        value = table.get(key.split(".")[-1], default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(key, f"must be a number, not {value!r}")
        if value < low or (high is not None and value > high):
            self.fail(key, f"must be between {low:g} and {high:g}" if high is not None else f"must be at least {low:g}")
        return float(value)

    def choice(self, table: dict, key: str, choices: tuple[str, ...], default: str) -> str:
        value = table.get(key.split(".")[-1], default)
        if value not in choices:
            self.fail(key, f"must be one of {', '.join(choices)}, not {value!r}")
        return value


def _zone(reader: _Reader, name: object) -> dt.tzinfo:
    if not isinstance(name, str):
        reader.fail("assignment.timezone", "must be a time zone name such as Europe/Berlin")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        reader.fail("assignment.timezone", f"{name!r} is not a time zone name (e.g. Europe/Berlin, UTC)")


def _moment(reader: _Reader, value: object, key: str, zone: dt.tzinfo) -> dt.datetime:
    """A TOML date-time (local ones are in the course's zone); a date alone means its end."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(23, 59, 59), tzinfo=zone)
    reader.fail(key, f"must be a TOML date-time such as 2026-11-20T23:59:00, not {value!r}")


def _late(reader: _Reader) -> LatePolicy:
    table = reader.table("late", {"policy", "penalty_per_day", "max_penalty", "grace_days", "leeway_minutes"})
    policy = reader.choice(table, "late.policy", LATE_POLICIES, "none")
    penalty = reader.number(table, "late.penalty_per_day", 100.0 if policy == "grace_days" else 0.0, 0, 100)
    if policy == "penalty" and "penalty_per_day" not in table:
        reader.fail("late.penalty_per_day", 'is needed with policy = "penalty"')
    grace = reader.number(table, "late.grace_days", 0)
    if grace != int(grace):
        reader.fail("late.grace_days", "must be a whole number of days")
    return LatePolicy(policy, penalty, reader.number(table, "late.max_penalty", 100.0, 0, 100), int(grace),
                      reader.number(table, "late.leeway_minutes", 0.0))


def _extensions(reader: _Reader, zone: dt.tzinfo) -> dict[str, object]:
    extensions = {}
    for student, value in reader.table("extensions", None).items():
        key = f"extensions.{student}"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            extensions[student] = reader.number({student: value}, key, 0)
        else:
            extensions[student] = _moment(reader, value, key, zone)
    return extensions


def _limit(reader: _Reader) -> SubmissionLimit | None:
    table = reader.table("gradescope", {"graded_per_window", "window_hours"})
    if not table:
        return None
    count = reader.number(table, "gradescope.graded_per_window", 0, 1)
    if count != int(count):
        reader.fail("gradescope.graded_per_window", "must be a whole number")
    return SubmissionLimit(int(count), reader.number(table, "gradescope.window_hours", 24.0, 0.01))
