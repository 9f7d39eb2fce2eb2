"""The `grader` command as teaching assistants and students use it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from markupsafe import escape

from conftest import REFERENCE, TEMPLATE, run_grader


def grader(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return run_grader(*args, cwd=cwd, timeout=600)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return grader("grade", str(REFERENCE), "--out", str(out), "--tasks", "task29,task49"), out


def test_grade_exits_zero_and_writes_results(graded):
    result, out = graded
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "results.json").read_text())
    assert data["schema_version"] == 1 and data["score"] == data["max_score"] > 0
    assert [task["id"] for task in data["tasks"]] == ["task29", "task49"]
    for task in data["tasks"]:
        assert set(task) >= {"id", "quiz_task", "title", "score", "max_score", "pending_max_score",
                             "status", "checks"}
        for check in task["checks"]:
            assert check["status"] in ("passed", "failed", "error", "pending_review")
            assert check["visibility"] in ("public", "hidden")
            assert set(check) >= {"name", "points", "max_points", "feedback"}


def test_student_report_hides_hidden_checks(graded):
    _, out = graded
    student = (out / "report.html").read_text()
    staff = (out / "report-staff.html").read_text()
    hidden_names = [str(escape(check["name"])) for task in json.loads((out / "results.json").read_text())["tasks"]
                    for check in task["checks"] if check["visibility"] == "hidden"]
    assert hidden_names and all(name in staff for name in hidden_names)
    assert not any(name in student for name in hidden_names)
    assert "Hidden checks" in student


def test_check_shows_hints_for_the_template():
    result = grader("check", str(TEMPLATE), "--tasks", "task29")
    assert result.returncode == 0, result.stderr
    assert "Not implemented yet" in result.stdout and "Score: 0 / 3" in result.stdout


def test_missing_submission_is_a_usage_error(tmp_path):
    result = grader("grade", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "no such file" in result.stderr


def test_broken_catalog_is_a_grader_failure(tmp_path):
    folder = tmp_path / "catalog" / "task01_x"
    folder.mkdir(parents=True)
    (folder / "task.toml").write_text('id = "task01"\nquiz_task = 1\ntitle = "x"\n')
    (folder / "test_hidden.py").write_text("def test_without_points():\n    pass\n")
    result = grader("grade", str(TEMPLATE), "--out", str(tmp_path / "out"), "--catalog",
                    str(tmp_path / "catalog"))
    assert result.returncode == 3 and "points" in result.stderr
