"""GitHub Classroom's grading-reporter payload, from the public checks of a run.

The reporter prints a table computed as passed / total x max_score but sends the sum of
``tests[].score`` as the grade; with weighted checks the two disagree. So every check
worth n points is sent as n one-point tests, all sharing its outcome: both numbers are
then the count of points earned.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from grader.domain import GradeRun

VERSION = 1


def classroom_payload(run: GradeRun) -> dict[str, Any]:
    tests = []
    for task in run.tasks:
        for check in task.checks:
            if check.status == "pending_review":
                continue
            units = max(1, round(check.max_points))
            for unit in range(1, units + 1):
                suffix = f" ({unit}/{units})" if units > 1 else ""
                tests.append({
                    "name": f"Task {task.quiz_task}: {check.name}{suffix}",
                    "status": _status(check.status),
                    "score": 1 if check.status in ("passed", "not_judged") else 0,
                    "message": check.feedback,
                    "test_code": "",
                    "filename": task.source,
                    "line_no": 0,
                    "duration": round(check.duration * 1000),
                })
    failed = any(test["status"] != "pass" for test in tests)
    return {"version": VERSION, "status": "fail" if failed else "pass", "max_score": len(tests),
            "tests": tests}


def _status(status: str) -> str:
    """A check not judged costs nothing: it counts as a pass unit, its message says why."""
    return {"passed": "pass", "not_judged": "pass", "error": "error"}.get(status, "fail")


def timeout_payload(seconds: float) -> dict[str, Any]:
    """A valid payload (with a test: the reporter needs one) when grading ran out of time."""
    return {"version": VERSION, "status": "error", "max_score": 1,
            "tests": [{"name": "grading", "status": "error", "score": 0,
                       "message": f"The checks did not finish within {seconds:g} s: look for an endless loop.",
                       "test_code": "", "filename": "", "line_no": 0, "duration": round(seconds * 1000)}]}


def encode(payload: dict[str, Any]) -> str:
    return base64.b64encode(json.dumps(payload).encode("utf-8")).decode("ascii")
