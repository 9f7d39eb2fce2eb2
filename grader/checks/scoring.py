"""Pure functions from check results to task scores and a whole run: no I/O, no formatting."""

from __future__ import annotations

from dataclasses import replace

from grader.checks.parts import combined_status, task_headline, task_parts, task_reason, task_status
from grader.checks.written import written_checks
from grader.domain import CheckResult, GradeRun, SourceFile, Submission, TaskScore, TaskSpec

__all__ = ["rescore_run", "rescore_task", "score_run", "score_task", "settle_not_judged", "task_checks",
           "task_reason", "task_status"]


def task_checks(task: TaskSpec, ran: list[CheckResult], submission: Submission) -> list[CheckResult]:
    """Every check of ``task``: the pytest checks that ran, with code locations as the student
    knows them (notebook cells), then one check per written part (or block)."""
    source = _source(task, submission)
    return [check.localized(source) for check in ran] + written_checks(task, submission)


def score_task(task: TaskSpec, checks: list[CheckResult], submission: Submission) -> TaskScore:
    source = _source(task, submission)
    empty = TaskScore(id=task.id, quiz_task=task.quiz_task, title=task.title, score=0.0,
                      max_score=0.0, pending_max_score=0.0, status="missing", checks=(),
                      source=source.origin if source else "")
    return rescore_task(empty, checks)


def _source(task: TaskSpec, submission: Submission) -> SourceFile | None:
    """The student's code for ``task`` (a module or notebook cells), None for a task without code."""
    return submission.sources.get(task.module) if task.module else None


def rescore_task(task: TaskScore, checks: list[CheckResult]) -> TaskScore:
    """``task`` with ``checks`` and everything that follows from them recomputed."""
    checks = settle_not_judged(checks)
    graded = [check for check in checks if check.status != "pending_review"]
    pending = [check for check in checks if check.status == "pending_review"]
    parts = task_parts(checks)
    status = combined_status(parts)
    return replace(
        task, checks=tuple(checks), status=status, parts=parts,
        reason=task_headline(status, parts, graded, block=any(check.covers for check in pending)),
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
        problems=submission.problems, warnings=submission.warnings + submission.answers_warnings,
        probe_calls=probe_calls)
