"""Gradescope's resubmission limit: whether this submission is graded, from its metadata.

Gradescope writes ``/autograder/submission_metadata.json`` beside the student's upload:
this submission's ``created_at`` and ``previous_submissions``, each with its
``submission_time``, ``score``, ``autograder_error`` and the ``results`` it produced. A
previous submission counts against ``[gradescope] graded_per_window`` when it was graded:
no autograder error, and its results are not marked ``extra_data.tfgrader.graded = false``
(the mark this module puts on the submissions it refuses). Those within ``window_hours``
before ``created_at`` are counted; at the limit, no student code runs and the results
keep the last graded submission's score and tests.

The file is read without following links, up to ``MAX_METADATA_BYTES``; entries that are
not what Gradescope documents (not objects, times without an offset, odd scores) are
skipped. A file that cannot be used at all means no limit.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from grader.course.settings import SubmissionLimit

MAX_METADATA_BYTES = 20 * 1024 * 1024
MARK = "tfgrader"  # our key in results' extra_data
TEST_VISIBILITY = ("hidden", "after_due_date", "after_published", "visible")


@dataclass(frozen=True)
class Previous:
    """One earlier submission that was graded."""

    at: dt.datetime
    score: float
    tests: tuple[dict, ...]


@dataclass(frozen=True)
class Decision:
    graded: bool
    limit: SubmissionLimit
    created_at: dt.datetime
    counted: tuple[dt.datetime, ...]   # graded submissions inside the window, oldest first
    kept: Previous | None              # the last graded submission before this one
    next_graded: dt.datetime | None    # when a submission will be graded again (when refused)


def read_metadata(path: Path) -> dict | None:
    """The metadata as a dict; None when absent, a link, not a regular file, too large or not JSON."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except OSError:  # absent, a link (ELOOP), unreadable
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_METADATA_BYTES:
            return None
        raw = _read_at_most(handle, MAX_METADATA_BYTES + 1)
    finally:
        os.close(handle)
    if len(raw) > MAX_METADATA_BYTES:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _read_at_most(handle: int, size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = os.read(handle, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def moment(value: object) -> dt.datetime | None:
    """An ISO 8601 time with an offset (in a year a submission can have), or None."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        at = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if at.tzinfo is None or at.utcoffset() is None or not 1970 <= at.year <= 9000:
        return None  # far from any submission: window arithmetic would leave datetime's range
    return at


def was_graded(entry: dict) -> bool:
    """Not an autograder error, and not one of the submissions this module refused."""
    if entry.get("autograder_error") is True:
        return False
    results = entry.get("results")
    extra = results.get("extra_data") if isinstance(results, dict) else None
    ours = extra.get(MARK) if isinstance(extra, dict) else None
    return not (isinstance(ours, dict) and ours.get("graded") is False)


def graded_previous(metadata: dict) -> list[Previous]:
    """The graded previous submissions, oldest first; malformed entries left out."""
    entries = metadata.get("previous_submissions")
    found = []
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict) or not was_graded(entry):
            continue
        at = moment(entry.get("submission_time"))
        if at is None:
            continue
        results = entry.get("results") if isinstance(entry.get("results"), dict) else {}
        score = _number(entry.get("score"))
        score = _number(results.get("score")) if score is None else score
        found.append(Previous(at, score or 0.0, _tests(results.get("tests"))))
    return sorted(found, key=lambda previous: previous.at)


def decide(metadata: dict | None, limit: SubmissionLimit | None) -> Decision | None:
    """This submission's decision; None when there is no limit or no usable ``created_at``."""
    created_at = moment(metadata.get("created_at")) if isinstance(metadata, dict) else None
    if limit is None or created_at is None:
        return None
    window = dt.timedelta(hours=limit.window_hours)
    before = [previous for previous in graded_previous(metadata) if previous.at <= created_at]
    counted = tuple(previous.at for previous in before if previous.at > created_at - window)
    graded = len(counted) < limit.graded_per_window
    # graded again once enough have left the window that fewer than the limit remain
    next_graded = None if graded else counted[len(counted) - limit.graded_per_window] + window
    return Decision(graded, limit, created_at, counted, before[-1] if before else None, next_graded)


def display_zone(metadata: dict | None, created_at: dt.datetime) -> dt.tzinfo:
    """The due date's offset (the course's clock), else the one ``created_at`` was written in."""
    assignment = metadata.get("assignment") if isinstance(metadata, dict) else None
    due = moment(assignment.get("due_date")) if isinstance(assignment, dict) else None
    return (due or created_at).tzinfo


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _tests(value: object) -> tuple[dict, ...]:
    """The previous tests, each cut down to the keys and types of the results specification."""
    kept = []
    for test in value if isinstance(value, list) else ():
        if not isinstance(test, dict):
            continue
        clean = {key: test[key] for key in ("name", "number", "status", "output")
                 if isinstance(test.get(key), str)}
        clean |= {key: _number(test.get(key)) for key in ("score", "max_score")
                  if _number(test.get(key)) is not None}
        if isinstance(test.get("tags"), list):
            clean["tags"] = [tag for tag in test["tags"] if isinstance(tag, str)]
        if clean.get("status") not in ("passed", "failed"):
            clean.pop("status", None)
        if "output" in clean:
            clean["output_format"] = "text"  # shown as it is, whatever the earlier run said
        # a test whose visibility is unknown stays hidden until the due date
        clean["visibility"] = test.get("visibility") if test.get("visibility") in TEST_VISIBILITY else "after_due_date"
        kept.append(clean)
    return tuple(kept)


def readable(at: dt.datetime, zone: dt.tzinfo) -> str:
    """``Sunday 1 July 2018, 14:22 (UTC-07:00)``: to the minute, in ``zone``."""
    local = at.astimezone(zone)
    offset = local.utcoffset() or dt.timedelta(0)
    sign, minutes = ("-" if offset < dt.timedelta(0) else "+"), abs(int(offset.total_seconds())) // 60
    return (f"{local:%A} {local.day} {local:%B %Y, %H:%M} "
            f"(UTC{sign}{minutes // 60:02d}:{minutes % 60:02d})")


def minute_after(at: dt.datetime) -> dt.datetime:
    """``at`` rounded up to the minute: the time said is never before the time meant."""
    floor = at.replace(second=0, microsecond=0)
    return floor if floor == at else floor + dt.timedelta(minutes=1)


def graded_mark() -> dict:
    """``extra_data`` for a graded submission: later submissions count it."""
    return {MARK: {"graded": True}}


def graded_note(decision: Decision | None) -> str:
    """A line for a graded submission's output: how many of the window's allowance are used."""
    if decision is None:
        return ""
    limit = decision.limit
    return (f"This is graded submission {len(decision.counted) + 1} of the {limit.graded_per_window} "
            f"graded in any {limit.window_hours:g} hours.")


def ungraded_results(decision: Decision, zone: dt.tzinfo) -> dict:
    """Gradescope's results.json for a refused submission: the last graded score and tests kept."""
    limit, kept = decision.limit, decision.kept
    hours = f"{limit.window_hours:g} hours"
    lines = [f"**This submission was not graded**: {len(decision.counted)} of your submissions were graded "
             f"in the last {hours}, and this course grades at most {limit.graded_per_window} in any {hours}."]
    if kept is not None:
        lines.append(f"The score shown, **{kept.score:g}**, is from your submission at {readable(kept.at, zone)}.")
    else:
        lines.append("No earlier submission was graded, so the score shown is 0.")
    lines.append("Your next submission will be graded if you submit at or after "
                 f"{readable(minute_after(decision.next_graded), zone)}.")
    return {
        "score": kept.score if kept else 0.0,
        "execution_time": 0,
        "output": "\n\n".join(lines),
        "output_format": "md",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": [dict(test) for test in kept.tests] if kept else [],
        "extra_data": {MARK: {"graded": False, "score_from": kept.at.isoformat() if kept else None,
                              "next_graded_at": decision.next_graded.isoformat()}},
    }
