"""The job summary GitHub shows on a Classroom run's page (``$GITHUB_STEP_SUMMARY``).

A table of the public checks, then a hint for every check that did not pass. It is
GitHub-flavoured Markdown, so every text in it passes through ``escape.markdown_text``:
feedback quotes file names and exception messages the student wrote, and a ``|``, a
``<`` or a link in them must show as written.
"""

from __future__ import annotations

from typing import Any

from grader.outputs.escape import markdown_text

ADVISORY = "Advisory: these are the public checks only; the authoritative grade comes from the course staff's run."
HINTED = ("failed", "error", "missing", "not_judged")  # the badges that come with something to do


def job_summary(view: dict[str, Any]) -> str:
    """The summary of a student view (public checks): table, hints, problems."""
    lines = [f"## Public checks: {view['score']:g} / {view['max_score']:g} points", "", ADVISORY, "",
             "| Task | Check | Result | Points |", "|---|---|---|---:|"]
    for task in view["tasks"]:
        whole = task["status"] == "missing" or not task["checks"]  # one row says it for every check
        lines += [_task_row(task)] if whole else [_row(task, check) for check in task["checks"]]
    hints = [hint for task in view["tasks"] for hint in _hints(task)]
    if hints:
        lines += ["", "### What to look at", "", *hints]
    if view.get("problems"):
        lines += ["", "### Problems reading your submission", "",
                  *(f"- {markdown_text(problem)}" for problem in view["problems"])]
    return "\n".join(lines) + "\n"


def timeout_summary(seconds: float) -> str:
    return (f"## Public checks did not finish\n\nThey ran longer than {seconds:g} s and were stopped. "
            "Look for an endless loop, or training that runs when the module is imported.\n")


def _row(task: dict[str, Any], check: dict[str, Any]) -> str:
    points = "–" if check["status"] == "pending_review" else f"{check['points']:g} / {check['max_points']:g}"
    return (f"| {task['quiz_task']} | {markdown_text(check['name'])} | {markdown_text(check['status_label'])} "
            f"| {points} |")


def _task_row(task: dict[str, Any]) -> str:
    return (f"| {task['quiz_task']} | {markdown_text(task['title'])} | {markdown_text(task['status_label'])} "
            f"| {task['score']:g} / {task['max_score']:g} |")


def _hints(task: dict[str, Any]) -> list[str]:
    """One list item per check to look at, or the task's reason when no check says more."""
    where = f"Task {task['quiz_task']}"
    if task["status"] == "missing":
        return [f"- **{where}**: {markdown_text(task['reason'])}"] if task["reason"] else []
    shown = [check for check in task["checks"] if check.get("badge", check["status"]) in HINTED]
    hints = [f"- **{where}, {markdown_text(check['name'])}**: {markdown_text(check['feedback'])}"
             for check in shown if check["feedback"]]
    if not hints and task["status"] != "passed" and task["reason"]:
        hints.append(f"- **{where}**: {markdown_text(task['reason'])}")
    return hints
