"""Commands for the platforms that run the grader: Gradescope and GitHub Classroom."""

from __future__ import annotations

import argparse
import io
import os
import sys
import threading
from pathlib import Path

from grader.catalog import load_catalog
from grader.course.limit import (Decision, decide, display_zone, graded_mark, graded_note, read_metadata,
                                 ungraded_results)
from grader.course.settings import load_course
from grader.engine import GradeOptions, Grader
from grader.outputs.classroom import classroom_payload, encode, timeout_payload
from grader.outputs.escape import actions_log
from grader.outputs.gradescope import gradescope_results
from grader.outputs.job_summary import job_summary, timeout_summary
from grader.outputs.results import write_json_atomic
from grader.outputs.terminal import print_summary
from grader.outputs.views import student_view


def run_gradescope(args: argparse.Namespace) -> int:
    """Grade /autograder/submission with every check, unless its resubmission limit is reached."""
    metadata, decision = _limit_decision(args.course, args.metadata)
    if decision is not None and not decision.graded:
        write_json_atomic(args.results, ungraded_results(decision, display_zone(metadata, decision.created_at)))
        print(f"not graded: {len(decision.counted)} graded submissions in the window; "
              f"kept the score of the last one; wrote {args.results}")
        return 0
    catalog = load_catalog(args.catalog)
    with Grader(catalog, GradeOptions(), hide=(str(args.results.parent.resolve()),)) as grader:
        run = grader.grade(args.submission, submission_id="submission")
    results = gradescope_results(run)
    results["extra_data"] = graded_mark()
    if graded_note(decision):
        results["output"] += "\n\n" + graded_note(decision)
    write_json_atomic(args.results, results)
    print(f"score {run.score:g} / {run.max_score:g}; wrote {args.results}")
    return 0


def _limit_decision(course: Path, metadata_path: Path) -> tuple[dict | None, Decision | None]:
    """The metadata and the limit's decision; (None, None) without a limit or usable metadata."""
    limit = load_course(course).limit if os.path.lexists(course) else None
    if limit is None:
        return None, None
    metadata = read_metadata(metadata_path)
    decision = decide(metadata, limit)
    if decision is None and os.path.lexists(metadata_path):
        print(f"grader: {metadata_path} is not usable metadata (a regular JSON file with created_at); "
              "no resubmission limit applied", file=sys.stderr)
    return metadata, decision


def run_classroom(args: argparse.Namespace) -> int:
    """Public checks for GitHub Classroom: a valid reporter payload even when time runs out."""
    output = Path(args.output or os.environ.get("GITHUB_OUTPUT") or "/dev/stdout")
    summary_file = args.summary or os.environ.get("GITHUB_STEP_SUMMARY")
    watchdog = threading.Timer(args.time_limit, _give_up, (output, summary_file, args.time_limit))
    watchdog.daemon = True
    watchdog.start()
    catalog = load_catalog(args.catalog)
    options = GradeOptions(public_only=True, submission_seconds=max(10.0, args.time_limit - 30))
    with Grader(catalog, options) as grader:
        run = grader.grade(args.path)
    watchdog.cancel()
    _write_result(output, classroom_payload(run))
    view = student_view(run)
    if summary_file:
        _append(Path(summary_file), job_summary(view))
    summary = io.StringIO()
    print_summary(view, summary)
    summary.write("Advisory: the authoritative grade comes from the course staff's run.\n")
    sys.stdout.write(_for_log(summary.getvalue()))
    return 0


def _for_log(text: str) -> str:
    """In a GitHub Actions log a line starting with ``::`` is a command: there, none in ``text`` runs."""
    return actions_log(text) if os.environ.get("GITHUB_ACTIONS") == "true" else text


def _give_up(output: Path, summary_file: str | None, seconds: float) -> None:
    _write_result(output, timeout_payload(seconds))
    if summary_file:
        _append(Path(summary_file), timeout_summary(seconds))
    print(f"grader: the checks did not finish within {seconds:g} s", file=sys.stderr)
    os._exit(0)


def _write_result(output: Path, payload: dict) -> None:
    _append(output, f"result={encode(payload)}\n")


def _append(path: Path, text: str) -> None:
    """GitHub's step files are appended to: other steps may have written theirs already."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)
