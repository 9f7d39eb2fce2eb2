"""results.json, schema version 1: the complete record of a run, for staff and tools."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from grader.domain import GradeRun
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
