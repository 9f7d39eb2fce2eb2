"""The checker behind ``grader.notebook``: one grader for a kernel's lifetime, a JSON line per request.

A request names a folder (the saved notebook and answers.yaml) and the tasks to check;
the reply holds the points and the report as HTML and as text, both rendered here, where
everything a student wrote is escaped. The protocol has stdout to itself: whatever else
prints goes to stderr (the kernel keeps it in a log), so no output can pass for a reply.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

from grader.catalog import CatalogError, load_catalog
from grader.engine import GradeOptions, Grader
from grader.intake.submission import SubmissionError
from grader.outputs.html import render
from grader.outputs.terminal import print_summary
from grader.outputs.views import student_view


def serve() -> None:
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    with Grader(load_catalog(), GradeOptions(public_only=True)) as grader:
        for line in sys.stdin:
            protocol.write(json.dumps(answer(grader, line)) + "\n")


def answer(grader: Grader, line: str) -> dict:
    """The reply to one request line: the report, or an error the student can act on."""
    try:
        request = json.loads(line)
        tasks = tuple(request["tasks"]) if request.get("tasks") else None
        run = grader.grade(Path(request["folder"]), submission_id=str(request.get("name", "notebook")),
                           tasks=tasks)
    except (CatalogError, SubmissionError) as exc:
        return {"error": f"grader: {exc}"}
    view = student_view(run)
    text = io.StringIO()
    print_summary(view, text)
    text.write("Public checks only: hidden checks run when your work is graded.\n")
    return {"score": run.score, "max_score": run.max_score, "html": render("cell.html.j2", view),
            "text": text.getvalue()}


if __name__ == "__main__":
    serve()
