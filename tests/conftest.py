"""Shared fixtures: one grader (and so one TensorFlow worker) for the whole test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from grader.catalog import load_catalog
from grader.engine import GradeOptions, Grader

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "reference"
TEMPLATE = ROOT / "student_template"
FAULTS = Path(__file__).resolve().parent / "faults"


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def grader(catalog):
    """Grades any submission with every task; the worker survives across tests."""
    with Grader(catalog, GradeOptions()) as shared:
        yield shared


@pytest.fixture(scope="session")
def reference_run(grader):
    return grader.grade(REFERENCE)


@pytest.fixture(scope="session")
def template_run(grader):
    return grader.grade(TEMPLATE)


def make_submission(tmp_path: Path, overlay: Path | None = None, base: Path = REFERENCE) -> Path:
    """A copy of ``base`` with the files of ``overlay`` written over it."""
    target = tmp_path / "submission"
    shutil.copytree(base, target, ignore=shutil.ignore_patterns("__pycache__"))
    if overlay is not None:
        for item in overlay.iterdir():
            if item.name != "fault.toml":
                shutil.copy2(item, target / item.name)
    return target


def task_of(run, task_id):
    return next(task for task in run.tasks if task.id == task_id)
