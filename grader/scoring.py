"""Pure functions from check results to task scores and a whole run: no I/O, no formatting."""

from __future__ import annotations

from dataclasses import replace

from grader.domain import CheckResult, GradeRun, Submission, TaskScore, TaskSpec


def score_task(task: TaskSpec, checks: list[CheckResult], submission: Submission) -> TaskScore:
    source = submission.sources.get(task.module) if task.module else None
    empty = TaskScore(id=task.id, quiz_task=task.quiz_task, title=task.title, score=0.0,
                      max_score=0.0, pending_max_score=0.0, status="missing", checks=(),
                      source=source.origin if source else "")
    return rescore_task(empty, checks)


def rescore_task(task: TaskScore, checks: list[CheckResult]) -> TaskScore:
    """``task`` with ``checks`` and everything that follows from them recomputed."""
    checks = settle_not_judged(checks)
    graded = [check for check in checks if check.status != "pending_review"]
    pending = [check for check in checks if check.status == "pending_review"]
    status = task_status(graded, pending)
    return replace(
        task, checks=tuple(checks), status=status, reason=task_reason(status, graded),
        score=round(sum(check.points for check in graded), 4),
        max_score=round(sum(check.max_points for check in graded), 4),
        pending_max_score=round(sum(check.max_points for check in pending), 4))


def settle_not_judged(checks: list[CheckResult]) -> list[CheckResult]:
    """A check not judged costs nothing while the check that blocked it failed; else it failed.

    The second case is a check's own bug or a submission that steers the observation:
    either way nothing is awarded for a measurement that was not made.
    """
    failed = {check.id for check in checks if check.status in ("failed", "error")}

    def settled(check: CheckResult) -> CheckResult:
        if check.status != "not_judged":
            return check
        if check.blocked_by in failed:
            return replace(check, points=check.max_points)
        return replace(check, status="failed", points=0.0)

    return [settled(check) for check in checks]


def task_status(graded: list[CheckResult], pending: list[CheckResult]) -> str:
    """missing > error > failed > pending_review > passed, judged over the graded checks."""
    if graded and all(check.missing for check in graded) and not pending:
        return "missing"
    if any(check.status == "error" for check in graded):
        return "error"
    if any(check.status == "failed" for check in graded):
        return "failed"
    if pending:
        return "pending_review"
    return "passed"


def task_reason(status: str, graded: list[CheckResult]) -> str:
    """The one line a student should read first, safe to show whatever the check's visibility.

    A hidden check's own assertion message may hold expected values and is never used;
    messages about the student's code (missing, crashed, timed out) come from the worker,
    which never sees an expected value, so they are safe.
    """
    ordered = sorted(graded, key=lambda check: check.visibility != "public")
    for wanted in ("error", "failed"):
        for check in ordered:
            if check.status == wanted and (check.visibility == "public" or check.status == "error"
                                           or check.missing):
                return check.feedback
    if status in ("failed", "error"):
        return "Some hidden checks did not pass."
    return ""


def rescore_run(run: GradeRun, tasks: list[TaskScore]) -> GradeRun:
    return replace(run, tasks=tuple(tasks),
                   score=round(sum(task.score for task in tasks), 4),
                   max_score=round(sum(task.max_score for task in tasks), 4),
                   pending_max_score=round(sum(task.pending_max_score for task in tasks), 4))


def score_run(submission: Submission, tasks: list[TaskScore], duration: float = 0.0,
              environment: dict | None = None, notices: tuple[str, ...] = (),
              probe_calls: tuple[dict, ...] = ()) -> GradeRun:
    return GradeRun(
        submission=submission.id, tasks=tuple(tasks),
        score=round(sum(task.score for task in tasks), 4),
        max_score=round(sum(task.max_score for task in tasks), 4),
        pending_max_score=round(sum(task.pending_max_score for task in tasks), 4),
        duration=round(duration, 3), environment=environment or {}, notices=notices,
        problems=submission.problems, probe_calls=probe_calls)
