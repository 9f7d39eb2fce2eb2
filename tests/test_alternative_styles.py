"""Correct code in another style scores full: functional models, separate activation
layers, other optimizers, model.predict, answers in other harmless forms."""

from __future__ import annotations

from pathlib import Path

from conftest import make_submission, selected_tasks

ALTERNATIVE = Path(__file__).resolve().parent / "alternative"


def test_alternative_submission_scores_full(grader, catalog, tmp_path):
    submission = make_submission(tmp_path, ALTERNATIVE)  # reference answers, overlaid
    covered = {path.stem for path in ALTERNATIVE.glob("*.py")}
    tasks = tuple(task.id for task in selected_tasks(catalog) if task.module in covered
                  or task.answers)
    run = grader.grade(submission, tasks=tasks)
    for task in run.tasks:
        wrong = [(check.id, check.feedback) for check in task.checks
                 if check.status in ("failed", "error")]
        assert not wrong, f"{task.id}: {wrong}"
        assert task.score == task.max_score > 0 or task.pending_max_score > 0
