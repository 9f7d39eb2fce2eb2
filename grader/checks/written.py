"""Written (free-text) answers: never auto-scored, awaiting a teaching assistant.

A non-empty answer becomes a ``pending_review`` check worth nothing until a teaching
assistant's score is merged in (``grader.course.review``); an empty or absent one is missing.
A question with several parts answered in one block (a plain string under ``taskNN``, or
an ``answer`` key) becomes one check for the parts without their own answer, flagged as
one block and worth their total: the named parts answered separately win. A single-part
question takes a plain string or an ``answer`` key as its answer.
"""

from __future__ import annotations

from grader.domain import BLOCK_KEY, CheckResult, Submission, TaskSpec, WrittenPart, written_check_id

AWAITING = "Awaiting review by a teaching assistant."


def written_checks(task: TaskSpec, submission: Submission) -> list[CheckResult]:
    answers = {part.key: written_answer(submission, task.id, part.key) for part in task.written}
    block = block_answer(submission, task)
    if len(task.written) == 1 and block is not None and answers[task.written[0].key] is None:
        answers[task.written[0].key], block = block, None
    covered = tuple(part for part in task.written if answers[part.key] is None) if block else ()
    checks = []
    for part in task.written:
        if part in covered:
            if part is covered[0]:
                checks.append(_block_check(task, covered, block))
            continue
        checks.append(_check(task, part, answers[part.key], submission))
    return checks


def written_answer(submission: Submission, task_id: str, key: str) -> str | None:
    """The student's text for ``taskNN.key``, or None when absent or blank."""
    section = (submission.answers or {}).get(task_id)
    value = section.get(key) if isinstance(section, dict) else None
    return _text(value)


def block_answer(submission: Submission, task: TaskSpec) -> str | None:
    """The text of one block under ``taskNN`` (a plain string, or ``answer`` naming no part)."""
    section = (submission.answers or {}).get(task.id)
    if isinstance(section, dict):
        if any(part.key == BLOCK_KEY for part in task.written):
            return None  # then `answer` is that part's own key
        return _text(section.get(BLOCK_KEY))
    return _text(section)


def _text(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _check(task: TaskSpec, part: WrittenPart, answer: str | None, submission: Submission) -> CheckResult:
    name = f"Written answer {task.id}.{part.key}"
    if answer is None:
        feedback = (f"{task.id}.{part.key} is unanswered: {submission.answers_problem}"
                    if submission.answers_problem else f"answers.yaml has no answer for {task.id}.{part.key}.")
        return CheckResult(task.id, written_check_id(part.key), name, "failed", 0.0, part.points, "public",
                           feedback, missing=True, part="written")
    return CheckResult(task.id, written_check_id(part.key), name, "pending_review", 0.0, part.points, "public",
                       AWAITING, details=rubric_text(part, answer), answer=answer, part="written")


def _block_check(task: TaskSpec, parts: tuple[WrittenPart, ...], answer: str) -> CheckResult:
    """One answer standing for ``parts``: reviewed once, up to their total."""
    keys = ", ".join(part.key for part in parts)
    feedback = (f"{AWAITING} Answered in one block: it is reviewed as one answer covering "
                f"{task.id} parts {keys}.")
    details = "\n\n".join(rubric_text(part, None) for part in parts) + f"\n\nAnswer (one block):\n{answer}"
    return CheckResult(task.id, written_check_id(BLOCK_KEY), f"Written answer {task.id} (one block: {keys})",
                       "pending_review", 0.0, sum(part.points for part in parts), "public", feedback,
                       details=details, answer=answer, part="written",
                       covers=tuple(part.key for part in parts))


def rubric_text(part: WrittenPart, answer: str | None) -> str:
    """What a teaching assistant reads beside the answer (staff views only)."""
    mentions = "\n".join(f"  - {item}" for item in part.rubric) or "  (no rubric written yet)"
    text = f"Question ({part.key}, {part.points:g} points): {part.question}\nA full answer mentions:\n{mentions}"
    return text if answer is None else f"{text}\n\nAnswer:\n{answer}"
