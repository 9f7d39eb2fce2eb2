"""Written (free-text) answers: never auto-scored, awaiting a teaching assistant.

A non-empty answer becomes a ``pending_review`` check worth nothing until a teaching
assistant's score is merged in (``grader.review``); an empty or absent one is missing.
"""

from __future__ import annotations

from grader.domain import CheckResult, Submission, TaskSpec, WrittenPart

AWAITING = "Awaiting review by a teaching assistant."


def written_checks(task: TaskSpec, submission: Submission) -> list[CheckResult]:
    return [_check(task, part, written_answer(submission, task.id, part.key), submission)
            for part in task.written]


def written_answer(submission: Submission, task_id: str, key: str) -> str | None:
    """The student's text for ``taskNN.key``, or None when absent or blank."""
    section = (submission.answers or {}).get(task_id)
    value = section.get(key) if isinstance(section, dict) else None
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def check_id(key: str) -> str:
    """The id of the check that stands for written part ``key`` (what reviews refer to)."""
    return f"written:{key}"


def _check(task: TaskSpec, part: WrittenPart, answer: str | None, submission: Submission) -> CheckResult:
    name = f"Written answer {task.id}.{part.key}"
    if answer is None:
        feedback = (f"{task.id}.{part.key} is unanswered: {submission.answers_problem}"
                    if submission.answers_problem else f"answers.yaml has no answer for {task.id}.{part.key}.")
        return CheckResult(task.id, check_id(part.key), name, "failed", 0.0, part.points, "public",
                           feedback, missing=True)
    return CheckResult(task.id, check_id(part.key), name, "pending_review", 0.0, part.points, "public",
                       AWAITING, details=rubric_text(part, answer), answer=answer)


def rubric_text(part: WrittenPart, answer: str) -> str:
    """What a teaching assistant reads beside the answer (staff views only)."""
    mentions = "\n".join(f"  - {item}" for item in part.rubric) or "  (no rubric written yet)"
    return f"Question: {part.question}\nA full answer mentions:\n{mentions}\n\nAnswer:\n{answer}"
