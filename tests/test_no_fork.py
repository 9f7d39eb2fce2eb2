"""Where forking TensorFlow is not safe, every session gets a fresh process instead."""

from __future__ import annotations

import pytest

from conftest import REFERENCE, selected_tasks, task_of
from grader.engine import GradeOptions, Grader


@pytest.fixture
def no_fork(monkeypatch):
    monkeypatch.setenv("GRADER_NO_FORK", "1")  # read by the worker at start


def test_cold_fallback_grades_the_same_with_a_notice(no_fork, catalog, reference_run):
    code_tasks = [task.id for task in selected_tasks(catalog) if task.module]
    code_tasks = [task for task in ("task29", "task39") if task in code_tasks] or code_tasks[:2]
    with Grader(catalog, GradeOptions(tasks=tuple(code_tasks))) as grader:
        run = grader.grade(REFERENCE)
    assert any("cannot fork TensorFlow safely" in notice for notice in run.notices)
    assert run.environment["tensorflow"] == reference_run.environment["tensorflow"]  # read, not imported
    for task in run.tasks:
        assert task.score == task_of(reference_run, task.id).score
