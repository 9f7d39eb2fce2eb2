"""A task's parts judged each on its own: its code, its structured answers, its written parts.

A task whose code passes every check but whose written part is missing has not failed its
code: its status is "incomplete" and its headline says both ("code: all checks passed;
written part: missing"). Every headline is safe whatever the checks' visibility: a hidden
check's own message is never used (``task_reason``).
"""

from __future__ import annotations

import re

from grader.domain import PART_KINDS, CheckResult, PartScore

GENERIC_HIDDEN = "Some hidden checks did not pass."
_ANSWER_KEY = re.compile(r"\btask\d{2}\.[\w.]*\w")


def task_parts(checks: list[CheckResult]) -> tuple[PartScore, ...]:
    """One PartScore per kind of check the task has, in PART_KINDS order."""
    parts = []
    for kind in PART_KINDS:
        mine = [check for check in checks if check.part == kind]
        if mine:
            parts.append(_part(kind, mine))
    return tuple(parts)


def combined_status(parts: tuple[PartScore, ...]) -> str:
    """error > failed > missing (all parts) > incomplete (some) > pending_review > passed."""
    statuses = [part.status for part in parts]
    for wanted in ("error", "failed"):
        if wanted in statuses:
            return wanted
    if statuses and all(status == "missing" for status in statuses):
        return "missing"
    if "missing" in statuses or "incomplete" in statuses:
        return "incomplete"
    return "pending_review" if "pending_review" in statuses else "passed"


def task_headline(status: str, parts: tuple[PartScore, ...], graded: list[CheckResult],
                  block: bool = False) -> str:
    """Nothing for a passed task; each part's headline when it has several (or a block flags
    its written part); else the one reason a single-part task has always had."""
    if status == "passed":
        return ""
    if len(parts) > 1 or block:
        return "; ".join(part.headline.rstrip(". ") for part in parts)
    return task_reason(status, graded)


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
                return unanswered(check, graded) or check.feedback
    if status in ("failed", "error", "incomplete"):
        return GENERIC_HIDDEN
    return ""


def _part(kind: str, checks: list[CheckResult]) -> PartScore:
    graded = [check for check in checks if check.status != "pending_review"]
    pending = [check for check in checks if check.status == "pending_review"]
    if kind == "written":
        status, headline = written_status(checks), _written_headline(checks)
    else:
        status = task_status(graded, [])
        headline = _auto_headline(kind, status, graded)
    return PartScore(kind=kind, status=status, headline=headline,
                     score=round(sum(check.points for check in graded), 4),
                     max_score=round(sum(check.max_points for check in graded), 4),
                     pending_max_score=round(sum(check.max_points for check in pending), 4))


def _auto_headline(kind: str, status: str, graded: list[CheckResult]) -> str:
    """'code: all checks passed', 'answers: missing', or the part's safe reason."""
    if kind == "code":
        return "code: " + ("all checks passed" if status == "passed" else task_reason(status, graded))
    label = "answer" if len(graded) == 1 else "answers"
    if status == "passed":
        return f"{label}: " + ("correct" if len(graded) == 1 else "all correct")
    if status == "missing":
        keys = _unanswered_keys(graded)
        return f"{label}: missing" + (f" ({', '.join(keys)})" if keys else "")
    reason = task_reason(status, graded)
    if reason == GENERIC_HIDDEN:
        reason = "not correct" if len(graded) == 1 else "not all correct"
    return f"{label}: {reason}"


def unanswered(check: CheckResult, graded: list[CheckResult]) -> str:
    """For a missing answer, its message naming every unanswered key of the task ('' otherwise)."""
    keys = _unanswered_keys(graded)
    if check.part != "answers" or not check.missing or len(keys) < 2:
        return ""
    first = _ANSWER_KEY.search(check.feedback)
    if first is None:
        return ""
    listed = ", ".join(keys[:-1]) + f" and {keys[-1]}"
    text = check.feedback[:first.start()] + listed + check.feedback[first.end():]
    return text.replace(" is unanswered", " are unanswered", 1)


def _unanswered_keys(graded: list[CheckResult]) -> list[str]:
    """The answers.yaml keys the task's missing-answer checks name, in order, each once."""
    keys: list[str] = []
    for check in graded:
        match = _ANSWER_KEY.search(check.feedback) if check.part == "answers" and check.missing else None
        if match and match.group(0) not in keys:
            keys.append(match.group(0))
    return keys


def written_status(checks: list[CheckResult]) -> str:
    """missing (all) > failed (a reviewed part below full) > incomplete > pending_review > passed."""
    missing = [check for check in checks if check.missing]
    if len(missing) == len(checks):
        return "missing"
    if any(check.status in ("failed", "error") and not check.missing for check in checks):
        return "failed"
    if missing:
        return "incomplete"
    return "pending_review" if any(check.status == "pending_review" for check in checks) else "passed"


def _written_headline(checks: list[CheckResult]) -> str:
    """e.g. 'written parts: awaiting review (answered in one block)' or '2 awaiting review, 1 missing'."""
    counts = {"reviewed": 0, "awaiting review": 0, "missing": 0}
    for check in checks:
        state = ("missing" if check.missing else "awaiting review" if check.status == "pending_review"
                 else "reviewed")
        counts[state] += len(check.covers) or 1
    states = [(state, count) for state, count in counts.items() if count]
    if len(states) > 1:
        text = ", ".join(f"{count} {state}" for state, count in states)
    elif states[0][0] == "reviewed":
        text = f"reviewed, {sum(c.points for c in checks):g}/{sum(c.max_points for c in checks):g}"
    else:
        text = states[0][0]
    if any(check.covers for check in checks):
        text += " (answered in one block)"
    return f"written {'part' if sum(counts.values()) == 1 else 'parts'}: {text}"
