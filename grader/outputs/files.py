"""Writing one submission's outputs: every registered format first, results.json last, each atomically.

``SUBMISSION_OUTPUTS`` names every file and the function rendering it (docs/outputs.md).
results.json is the marker of a finished submission (a resumed batch skips it) and carries
the batch's record, so it is written by ``write_submission_outputs`` itself, once
everything else is in place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from grader.domain import GradeRun
from grader.outputs.html import render
from grader.outputs.results import run_to_dict, write_json_atomic, write_text_atomic
from grader.outputs.views import staff_view, student_view

RESULTS_FILE = "results.json"
SubmissionOutput = Callable[[GradeRun], str]  # a run -> the file's text


def write_submission_outputs(run: GradeRun, out: Path, **record: object) -> Path:
    """Every file ``SUBMISSION_OUTPUTS`` names, then results.json with ``record``; returns its path."""
    out.mkdir(parents=True, exist_ok=True)
    for name, output in SUBMISSION_OUTPUTS.items():
        write_text_atomic(out / name, output(run))
    results = out / RESULTS_FILE
    write_json_atomic(results, {**run_to_dict(run), **record})
    return results


def write_ungraded_outputs(out: Path, submission: str, reason: str, **record: object) -> Path:
    """Outputs for a submission that could not be graded at all: status error, and why."""
    run = GradeRun(submission=submission, tasks=(), score=0.0, max_score=0.0, pending_max_score=0.0,
                   problems=(reason,), status="error", error=reason)
    return write_submission_outputs(run, out, **record)


def student_report(run: GradeRun, reveal: str = "points") -> str:
    """The report a student may read: of hidden checks, what ``reveal`` allows (points only until release)."""
    return render("report.html.j2", student_view(run, reveal))


def staff_report(run: GradeRun) -> str:
    """The report for staff: every check, with its details."""
    return render("report.html.j2", staff_view(run))


# file name -> the function rendering it, in the order they are written (docs/outputs.md)
SUBMISSION_OUTPUTS: dict[str, SubmissionOutput] = {
    "report.html": student_report,
    "report-staff.html": staff_report,
}
