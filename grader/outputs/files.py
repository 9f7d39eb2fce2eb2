"""Writing one submission's outputs: reports first, results.json last, each atomically.

results.json is the marker of a finished submission (a resumed batch skips it), so it
is only written once everything else is in place.
"""

from __future__ import annotations

from pathlib import Path

from grader.domain import GradeRun
from grader.outputs.html import render
from grader.outputs.results import run_to_dict, write_json_atomic, write_text_atomic
from grader.outputs.views import staff_view, student_view


def write_submission_outputs(run: GradeRun, out: Path, **record: object) -> Path:
    """report.html (student), report-staff.html, then results.json; returns its path."""
    out.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out / "report.html", render("report.html.j2", student_view(run)))
    write_text_atomic(out / "report-staff.html", render("report.html.j2", staff_view(run)))
    results = out / "results.json"
    write_json_atomic(results, {**run_to_dict(run), **record})
    return results



def write_ungraded_outputs(out: Path, submission: str, reason: str, **record: object) -> Path:
    """Outputs for a submission that could not be graded at all: status error, and why."""
    run = GradeRun(submission=submission, tasks=(), score=0.0, max_score=0.0, pending_max_score=0.0,
                   problems=(reason,), status="error", error=reason)
    return write_submission_outputs(run, out, **record)
