"""Gradescope's results.json (autograder specification), from a graded run.

Every auto-graded check becomes a test: public ones visible, hidden ones
``after_due_date``. Written parts awaiting a teaching assistant are not tests (their
points would count as lost); the top-level ``output`` lists them instead. That output is
Markdown: whatever in it a student controls (problems quote file names and keys) is a
code span (``escape.markdown_code``), so it cannot add images, links, HTML or headings.
Each test's own output is plain text.
"""

from __future__ import annotations

from typing import Any

from grader.domain import GradeRun, written_key
from grader.outputs.escape import markdown_code


def gradescope_results(run: GradeRun) -> dict[str, Any]:
    tests, pending = [], []
    for task in run.tasks:
        for number, check in enumerate(task.checks, start=1):
            if check.status == "pending_review":
                what = (f"one block covering {', '.join(check.covers)}" if check.covers
                        else written_key(check.id))
                pending.append(f"- Task {task.quiz_task}, {what} ({check.max_points:g} points)")
                continue
            tests.append({
                "name": f"Task {task.quiz_task}: {check.name}",
                "number": f"{task.quiz_task}.{number}",
                "score": check.points,
                "max_score": check.max_points,
                "status": "passed" if check.points >= check.max_points else "failed",
                "output": check.feedback,
                "output_format": "text",
                "tags": [task.id],
                "visibility": "visible" if check.visibility == "public" else "after_due_date",
            })
    return {
        "score": run.score,
        "execution_time": round(run.duration),
        "output": _summary(run, pending),
        "output_format": "md",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
    }


def _summary(run: GradeRun, pending: list[str]) -> str:
    lines = [f"Auto-graded: **{run.score:g} / {run.max_score:g}** points."]
    if pending:
        lines += ["", f"Awaiting a teaching assistant ({run.pending_max_score:g} points):", *pending]
    if run.problems:
        lines += ["", "Problems reading your submission:", *(f"- {markdown_code(problem)}" for problem in run.problems)]
    return "\n".join(lines)
