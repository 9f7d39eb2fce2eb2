"""Grading the same submission twice gives the same results.json, timings (and the
worker's memory figures) aside."""

from __future__ import annotations

from conftest import REFERENCE

from grader.outputs.results import run_to_dict


def without_timings(run) -> dict:
    data = run_to_dict(run)
    data.pop("duration_seconds")
    for measured in ("worker_memory_mb", "worker_import_seconds"):  # measurements, like timings
        data["environment"].pop(measured, None)
    data["probe_calls"] = [{key: value for key, value in call.items() if key != "seconds"}
                           for call in data["probe_calls"]]
    return data


def test_same_submission_same_results(grader, reference_run):
    again = grader.grade(REFERENCE)
    assert without_timings(again) == without_timings(reference_run)


def test_same_faulty_submission_same_feedback(grader, tmp_path):
    """Feedback that quotes measured values (orders, losses) must be reproducible too."""
    faulty = REFERENCE.parent / "examples" / "submissions" / "ben"
    first, second = grader.grade(faulty), grader.grade(faulty)
    assert without_timings(first) == without_timings(second)
