"""A fault of the grader itself is never blamed on the student.

A check that asks the probe for a function it does not have (a typo in a task's checks,
a probe renamed without its callers) is the grader's bug: the check is an error, its
feedback says the grader failed and to tell the course staff, and nothing suggests the
student's code raised anything. An honest check of the same task still passes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REFERENCE, ROOT

from grader.catalog import load_catalog
from grader.engine import Grader

CHECKS = '''import pytest


@pytest.mark.points(1)
def test_asks_a_probe_that_does_not_exist(probe):
    """a check that calls a probe function the probe does not have"""
    probe.no_such_probe_function()


@pytest.mark.points(1)
def test_honest(probe):
    """an honest check of the same task"""
    assert probe.losses()["loss"]["size"] == 1
'''


@pytest.fixture(scope="module")
def task(tmp_path_factory):
    root = tmp_path_factory.mktemp("catalog")
    folder = root / "task08_mse"
    folder.mkdir()
    for name in ("task.toml", "probe.py"):
        shutil.copy2(ROOT / "tasks" / "task08_mse" / name, folder / name)
    (folder / "test_public.py").write_text(CHECKS)
    submission = tmp_path_factory.mktemp("submission")
    shutil.copy2(REFERENCE / "task08_mse.py", submission / "task08_mse.py")
    with Grader(load_catalog(root)) as grader:
        run = grader.grade(Path(submission))
    return run.tasks[0]


def test_an_unknown_probe_is_the_graders_error_not_the_students(task):
    check = next(check for check in task.checks if check.id == "test_asks_a_probe_that_does_not_exist")
    assert check.status == "error" and not check.missing and check.points == 0
    assert "staff" in check.feedback and "grader" in check.feedback, check.feedback
    assert "Your code" not in check.feedback and "raised" not in check.feedback, check.feedback
    assert "no_such_probe_function" not in check.feedback  # a check's internals stay with the staff
    assert "probe 'no_such_probe_function' does not exist" in check.details  # ... who learn what failed


def test_the_rest_of_the_task_is_graded_as_usual(task):
    honest = next(check for check in task.checks if check.id == "test_honest")
    assert honest.status == "passed", honest.feedback
    assert task.status == "error" and task.score == 1
