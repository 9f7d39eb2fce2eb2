"""The staff workflow, the students' Classroom workflow and the Kubernetes Job are valid:
actionlint and GitHub's workflow schema for the workflows, Kubernetes' own schemas for
the manifest (check-jsonschema has no built-in Kubernetes schema)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORKFLOWS = [ROOT / ".github" / "workflows" / "grade-class.yml",
             ROOT / "student_template" / ".github" / "workflows" / "classroom.yml"]


def tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), f"{name} is not installed: run scripts/setup.sh"
    return str(path)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_passes_actionlint(workflow):
    result = subprocess.run([tool("actionlint"), str(workflow)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_matches_githubs_schema(workflow):
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                             str(workflow)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_kubernetes_manifest_is_valid():
    result = subprocess.run([tool("kubernetes-validate"), "--strict", str(ROOT / "deploy" / "k8s" / "grade-class.yaml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("passed") == 3


def test_classroom_workflow_reports_even_when_checks_fail():
    text = WORKFLOWS[1].read_text()
    assert "if: always()" in text and "QUIZ_RESULTS" in text and "runners: quiz" in text
    assert "grader classroom . --time-limit" in text
    assert "uses: actions/cache@v4" in text and "path: ~/.cache/pip" in text  # pip's downloads kept


def test_readme_starts_with_the_two_commands_ci_runs():
    """.ci/run executes README's first sh block line by line: it must hold exactly two."""
    result = subprocess.run([str(ROOT / ".ci" / "readme-commands")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    setup, tests = result.stdout.splitlines()
    assert "pytest" in tests and "pytest" not in setup
