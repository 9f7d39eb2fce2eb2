"""The benchmark's own parts work: the floor does the grading run's calls, and the Otter
assignment we time Otter-Grader on really checks (the reference passes, a fault fails)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest
from conftest import FAULTS, REFERENCE, ROOT

from grader.outputs.results import run_to_dict

FIVE = ("task13", "task15", "task29", "task49", "task55")


def _otter_assignment():
    spec = importlib.util.spec_from_file_location("otter_assignment", ROOT / "bench" / "otter_assignment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_notebook_code(notebook, tmp_path) -> subprocess.CompletedProcess:
    """Every code cell in order, as Otter's kernel would run the solutions and the tests."""
    script = tmp_path / "assignment.py"
    script.write_text("\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code"))
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path,
                          timeout=300)


@pytest.fixture(scope="module")
def five_task_results(grader, tmp_path_factory):
    run = grader.grade(REFERENCE, tasks=FIVE)
    path = tmp_path_factory.mktemp("bench") / "results.json"
    path.write_text(json.dumps(run_to_dict(run)))
    return path


def test_floor_makes_the_grading_runs_calls(five_task_results):
    calls = json.loads(five_task_results.read_text())["probe_calls"]
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "floor.py"), str(five_task_results),
                             "--repeat", "1"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["calls"] == len(calls) and {call["task"] for call in calls} == set(FIVE)
    assert report["steady_seconds"] > 0 and report["floor_seconds"] > report["steady_seconds"]


def test_otter_assignment_passes_the_reference_and_catches_a_fault(tmp_path):
    assignment = _otter_assignment()
    notebook = assignment.master()
    passed = _run_notebook_code(notebook, tmp_path)
    assert passed.returncode == 0, passed.stderr[-3000:]

    faulty = (FAULTS / "task29" / "no_second_pooling" / "task29_cnn.py").read_text()
    reference = (REFERENCE / "task29_cnn.py").read_text()
    for cell in notebook.cells:
        if cell.cell_type == "code" and reference in cell.source:
            cell.source = cell.source.replace(reference, faulty)
    failed = _run_notebook_code(notebook, tmp_path)
    assert failed.returncode != 0 and "AssertionError" in failed.stderr
    assert "total_params" in failed.stderr or "params" in failed.stderr
