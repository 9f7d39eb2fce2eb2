"""View models per audience, built before any rendering.

A student's view receives of a hidden check only what its reveal level allows: the points
its hidden checks earned (``points``, the default), each hidden check's name and points
(``names``, once released), or also the feedback its author wrote for students
(``feedback``). It never receives a check's details (pytest's account of the failure,
which quotes test code and the values compared): a template cannot leak what it is never
given.
"""

from __future__ import annotations

from typing import Any

from grader.domain import CheckResult, GradeRun, TaskScore

STATUS_LABELS = {
    "passed": "passed", "failed": "failed", "error": "error", "missing": "missing",
    "incomplete": "incomplete", "pending_review": "awaiting review", "not_judged": "not judged",
}
PART_LABELS = {"code": "code", "answers": "answers", "written": "written"}


REVEAL_LEVELS = ("points", "names", "feedback")  # what a student's view shows of hidden checks


def student_view(run: GradeRun, reveal: str = "points") -> dict[str, Any]:
    if reveal not in REVEAL_LEVELS:
        raise ValueError(f"reveal must be one of {', '.join(REVEAL_LEVELS)}, not {reveal!r}")
    return {"audience": "student", "reveal": reveal, **_summary(run),
            "tasks": [_student_task(task, reveal) for task in run.tasks]}


def staff_view(run: GradeRun) -> dict[str, Any]:
    return {"audience": "staff", **_summary(run),
            "notices": list(run.notices), "environment": dict(run.environment),
            "tasks": [_staff_task(task) for task in run.tasks]}


def _summary(run: GradeRun) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for task in run.tasks:
        counts[task.status] = counts.get(task.status, 0) + 1
    return {"submission": run.submission, "score": run.score, "max_score": run.max_score,
            "pending_max_score": run.pending_max_score, "problems": list(run.problems),
            "warnings": list(run.warnings), "status_counts": counts,
            "status_labels": dict(STATUS_LABELS), "percent": _percent(run.score, run.max_score)}


def _task_head(task: TaskScore) -> dict[str, Any]:
    return {"id": task.id, "quiz_task": task.quiz_task, "title": task.title,
            "status": task.status, "status_label": STATUS_LABELS[task.status],
            "score": task.score, "max_score": task.max_score,
            "pending_max_score": task.pending_max_score, "reason": task.reason,
            "source": task.source,
            "parts": [{"kind": part.kind, "label": PART_LABELS[part.kind], "status": part.status,
                       "status_label": STATUS_LABELS[part.status], "headline": part.headline}
                      for part in task.parts]}


def _student_task(task: TaskScore, reveal: str) -> dict[str, Any]:
    hidden = [check for check in task.checks if _is_hidden(check)]
    if reveal != "points":
        return {**_task_head(task), "checks": [_released(check, reveal) for check in task.checks],
                "hidden": {"count": 0, "points": 0.0, "max_points": 0.0}}
    shown = [check for check in task.checks if not _is_hidden(check)]
    return {**_task_head(task),
            "checks": [_check(check, with_details=False) for check in shown],
            "hidden": {"count": len(hidden),
                       "points": sum(check.points for check in hidden),
                       "max_points": sum(check.max_points for check in hidden)}}


def _is_hidden(check: CheckResult) -> bool:
    """A hidden check that is auto-graded (a written part awaiting review is the student's own)."""
    return check.visibility == "hidden" and check.status != "pending_review"


def _released(check: CheckResult, reveal: str) -> dict[str, Any]:
    """A check as a released report shows it: a hidden one's feedback only at ``feedback``."""
    view = _check(check, with_details=False)
    if _is_hidden(check) and reveal != "feedback":
        view["feedback"] = ""
    return view


def _staff_task(task: TaskScore) -> dict[str, Any]:
    return {**_task_head(task),
            "checks": [_check(check, with_details=True) for check in task.checks]}


def _check(check: CheckResult, with_details: bool) -> dict[str, Any]:
    badge = "missing" if check.missing and check.status == "failed" else check.status  # absent, not wrong
    view = {"name": check.name, "status": check.status, "badge": badge,
            "status_label": STATUS_LABELS[badge], "points": check.points,
            "max_points": check.max_points, "feedback": check.feedback,
            "visibility": check.visibility, "covers": list(check.covers)}
    if with_details:
        view["details"] = check.details
        view["duration"] = check.duration
    return view


def _percent(score: float, max_score: float) -> float:
    return round(100.0 * score / max_score, 1) if max_score else 0.0
