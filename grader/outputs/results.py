"""results.json, schema version 1: the complete record of a run, for staff and tools.

``run_to_dict`` writes it and ``run_from_dict`` (``load_run`` for a file) reads it back, so
class outputs and tools work on ``GradeRun`` records and never spell the schema again.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from grader.domain import CheckResult, GradeRun, PartScore, TaskScore
from grader.text import clean

SCHEMA_VERSION = 1


def run_to_dict(run: GradeRun) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "submission": run.submission,
        "status": run.status,
        "score": run.score,
        "max_score": run.max_score,
        "pending_max_score": run.pending_max_score,
        "tasks": [
            {"id": task.id, "quiz_task": task.quiz_task, "title": task.title,
             "score": task.score, "max_score": task.max_score,
             "pending_max_score": task.pending_max_score, "status": task.status,
             "reason": task.reason, "source": task.source,
             "parts": [_part(part) for part in task.parts],
             "checks": [_check(check) for check in task.checks]}
            for task in run.tasks],
        "problems": list(run.problems),
        "warnings": list(run.warnings),
        "notices": list(run.notices),
        "environment": run.environment,
        "duration_seconds": run.duration,
        "probe_calls": list(run.probe_calls),
        **({"error": run.error} if run.error else {}),
    }


def _part(part) -> dict[str, Any]:
    """A task's code, answers or written parts on their own (older results.json files lack it)."""
    return {"part": part.kind, "status": part.status, "headline": part.headline, "score": part.score,
            "max_score": part.max_score, "pending_max_score": part.pending_max_score}


def _check(check) -> dict[str, Any]:
    data = {"id": check.id, "name": check.name, "status": check.status, "points": check.points,
            "max_points": check.max_points, "visibility": check.visibility, "feedback": check.feedback,
            "part": check.part}
    if check.answer:
        data["answer"] = check.answer
    if check.covers:
        data["covers"] = list(check.covers)
    if check.blocked_by:
        data["blocked_by"] = check.blocked_by
    return data


class ResultsError(Exception):
    """A results.json that cannot be read back as a run; the message names the file."""


def load_run(path: Path) -> GradeRun:
    """The run a results.json file records, or ResultsError naming the file and what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # ValueError: bad JSON or bad UTF-8
        raise ResultsError(f"{path}: not readable as JSON ({exc})") from None
    try:
        return run_from_dict(data)
    except ResultsError as exc:
        raise ResultsError(f"{path}: {exc}") from None


def run_from_dict(data: Any) -> GradeRun:
    """The inverse of ``run_to_dict``; a field older files lack takes the domain's default.

    Keys the schema does not know (a batch's ``input_sha256``) are left out of the run; the
    free-form ``environment`` and ``probe_calls`` come back as JSON holds them.
    """
    version = data.get("schema_version") if isinstance(data, dict) else None
    if version != SCHEMA_VERSION:
        raise ResultsError(f"not results.json schema version {SCHEMA_VERSION} (schema_version {version!r})")
    try:
        return _run_from(data)
    except KeyError as exc:
        raise ResultsError(f"results.json schema version {SCHEMA_VERSION} lacks the field {exc}") from None
    except (TypeError, AttributeError, ValueError) as exc:
        raise ResultsError(f"not results.json schema version {SCHEMA_VERSION} ({exc})") from None


def _run_from(data: dict) -> GradeRun:
    return GradeRun(
        submission=data["submission"], tasks=tuple(_task_from(task) for task in data["tasks"]),
        score=data["score"], max_score=data["max_score"], pending_max_score=data["pending_max_score"],
        **_present(data, duration="duration_seconds", environment="environment", notices="notices",
                   problems="problems", warnings="warnings", probe_calls="probe_calls", status="status",
                   error="error"))


def _task_from(data: dict) -> TaskScore:
    return TaskScore(
        id=data["id"], quiz_task=data["quiz_task"], title=data["title"], score=data["score"],
        max_score=data["max_score"], pending_max_score=data["pending_max_score"], status=data["status"],
        checks=tuple(_check_from(data["id"], check) for check in data["checks"]),
        parts=tuple(_part_from(part) for part in data.get("parts", ())),
        **_present(data, reason="reason", source="source"))


def _part_from(data: dict) -> PartScore:
    return PartScore(kind=data["part"], status=data["status"], headline=data["headline"], score=data["score"],
                     max_score=data["max_score"], pending_max_score=data["pending_max_score"])


def _check_from(task_id: str, data: dict) -> CheckResult:
    return CheckResult(
        task_id=task_id, id=data["id"], name=data["name"], status=data["status"], points=data["points"],
        max_points=data["max_points"], visibility=data["visibility"],
        **_present(data, feedback="feedback", part="part", answer="answer", covers="covers",
                   blocked_by="blocked_by"))


def _present(data: dict, **fields: str) -> dict[str, Any]:
    """The fields whose key ``data`` has (lists as tuples); the others keep the domain's default."""
    return {field: tuple(data[key]) if isinstance(data[key], list) else data[key]
            for field, key in fields.items() if key in data}


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so that a reader never sees half a file, even if we are killed midway."""
    write_text_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_text_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    A lone surrogate that reached this far (UTF-8 cannot encode it) becomes U+FFFD
    rather than costing the whole output.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(clean(text))
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
