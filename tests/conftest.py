"""Shared fixtures: one grader (and so one TensorFlow worker) for the whole test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from grader.catalog import load_catalog
from grader.engine import GradeOptions, Grader

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "reference"
TEMPLATE = ROOT / "student_template"
FAULTS = Path(__file__).resolve().parent / "faults"


# While writing a task, `GRADER_TEST_TASKS=task06,task54 pytest tests/test_contract.py` limits
# the contract run to those tasks (CI leaves it unset and checks the whole catalog).
SELECTED_TASKS = tuple(t for t in os.environ.get("GRADER_TEST_TASKS", "").split(",") if t) or None


def selected_tasks(catalog):
    return catalog.select(list(SELECTED_TASKS)) if SELECTED_TASKS else catalog.tasks


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def grader(catalog):
    """Grades any submission with every (selected) task; the worker survives across tests."""
    with Grader(catalog, GradeOptions(tasks=SELECTED_TASKS)) as shared:
        yield shared


@pytest.fixture(scope="session")
def reference_run(grader):
    return grader.grade(REFERENCE)


@pytest.fixture(scope="session")
def template_run(grader):
    return grader.grade(TEMPLATE)


def make_submission(tmp_path: Path, overlay: Path | None = None, base: Path = REFERENCE) -> Path:
    """A copy of ``base`` with the files of ``overlay`` written over it.

    An ``answers.yaml`` in the overlay is merged key by key (``taskNN.part``), so a
    fixture states only the answers it changes.
    """
    target = tmp_path / "submission"
    shutil.copytree(base, target, ignore=shutil.ignore_patterns("__pycache__"))
    if overlay is not None:
        for item in overlay.iterdir():
            if item.name == "answers.yaml":
                merge_answers(target / "answers.yaml", item)
            elif item.name not in ("fault.toml", "attack.toml") and item.is_file():
                shutil.copy2(item, target / item.name)
    return target


def merge_answers(target: Path, overlay: Path) -> None:
    answers = yaml.safe_load(target.read_text()) if target.exists() else {}
    for task_id, parts in (yaml.safe_load(overlay.read_text()) or {}).items():
        answers.setdefault(task_id, {}).update(parts or {})
    target.write_text(yaml.safe_dump(answers, sort_keys=True, allow_unicode=True))


def task_of(run, task_id):
    return next(task for task in run.tasks if task.id == task_id)
