"""Correct code in the course's own idioms scores full.

``tests/alternative/<module>/<idiom>.py`` holds correct solutions of one code module,
each written the way this course's students write (functional models, separate
activation layers, ``/ 128. - 1``, a pipeline built inside ``@tf.function`` ...);
``tests/alternative/answers.yaml`` holds answers in other harmless forms. Round ``k``
grades the ``k``-th alternative of every module in one submission (reference answers,
overlaid), so adding an alternative costs no extra grading run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import make_submission, selected_tasks

ALTERNATIVE = Path(__file__).resolve().parent / "alternative"
BY_MODULE = {folder.name: sorted(folder.glob("*.py")) for folder in sorted(ALTERNATIVE.iterdir())
             if folder.is_dir()}
ROUNDS = max(len(files) for files in BY_MODULE.values())


def round_files(index: int) -> dict[str, Path]:
    """The ``index``-th alternative of every module that has that many."""
    return {module: files[index] for module, files in BY_MODULE.items() if index < len(files)}


def test_every_code_module_has_four_alternatives(catalog):
    modules = {task.module for task in catalog.tasks if task.module}
    thin = {module: len(BY_MODULE.get(module, [])) for module in modules
            if len(BY_MODULE.get(module, [])) < 4}
    assert not thin, f"fewer than four correct solutions besides the reference: {thin}"


@pytest.mark.parametrize("index", range(ROUNDS), ids=lambda index: f"round{index}")
def test_alternatives_score_full(index, grader, catalog, tmp_path):
    chosen = round_files(index)
    submission = make_submission(tmp_path, ALTERNATIVE if index == 0 else None)
    for module, path in chosen.items():
        shutil.copy2(path, submission / f"{module}.py")
    tasks = tuple(task.id for task in selected_tasks(catalog) if task.module in chosen
                  or (index == 0 and task.answers))
    run = grader.grade(submission, tasks=tasks)
    for task in run.tasks:
        wrong = [(check.id, check.feedback) for check in task.checks
                 if check.status in ("failed", "error", "not_judged")]
        origin = chosen.get(next((t.module for t in catalog.tasks if t.id == task.id), None))
        assert not wrong, f"{task.id} ({origin.relative_to(ALTERNATIVE) if origin else 'answers'}): {wrong}"
        assert task.score == task.max_score > 0 or task.pending_max_score > 0
