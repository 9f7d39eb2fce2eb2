"""Notebook submissions grade exactly like the same code in modules."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from conftest import REFERENCE, selected_tasks, task_of

from grader.intake.notebooks import NotebookError, cell_tag, python_only, tagged_cells
from grader.intake.submission import read_submission


def split_into_cells(text: str) -> list[str]:
    """Cut a module before each top-level def/class/decorator that follows a blank line."""
    chunks, current, previous = [], [], ""
    for line in text.splitlines():
        if line.startswith(("def ", "class ", "@")) and previous == "" and current:
            chunks.append("\n".join(current))
            current = []
        current.append(line)
        previous = line
    chunks.append("\n".join(current))
    return chunks


def reference_as_notebook(catalog, folder: Path) -> Path:
    """The reference modules as one notebook: tags in metadata or '# taskNN' first lines,
    magics and shell lines, markdown and stored outputs in between."""
    notebook = nbformat.v4.new_notebook()
    cells = [nbformat.v4.new_markdown_cell("# My quiz homework <script>alert(1)</script>"),
             nbformat.v4.new_code_cell("!pip install tensorflow==2.21\n%matplotlib inline")]
    modules = sorted({task.module: task.module_tag for task in catalog.tasks if task.module}.items())
    for index, (module, tag) in enumerate(modules):
        for number, chunk in enumerate(split_into_cells((REFERENCE / f"{module}.py").read_text())):
            if (index + number) % 2:
                cell = nbformat.v4.new_code_cell(f"# {tag}\n%load_ext autoreload\n{chunk}")
            else:
                cell = nbformat.v4.new_code_cell(chunk, metadata={"tags": [tag]})
            cell.outputs = [nbformat.v4.new_output("display_data", {"text/html": "<img src=x onerror=alert(1)>"})]
            cells.append(cell)
        cells.append(nbformat.v4.new_code_cell("print('scratch work, not graded')"))
    notebook.cells = cells
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, folder / "homework.ipynb")
    (folder / "answers.yaml").write_bytes((REFERENCE / "answers.yaml").read_bytes())
    return folder


def test_reference_notebook_scores_exactly_like_the_modules(grader, catalog, reference_run, tmp_path):
    notebook_run = grader.grade(reference_as_notebook(catalog, tmp_path / "nb"))
    assert notebook_run.score == reference_run.score and notebook_run.max_score == reference_run.max_score
    assert notebook_run.pending_max_score == reference_run.pending_max_score
    for task in selected_tasks(catalog):
        graded = task_of(notebook_run, task.id)
        assert [(c.id, c.status) for c in graded.checks] == [
            (c.id, c.status) for c in task_of(reference_run, task.id).checks]
        if task.module:
            assert graded.source.startswith("homework.ipynb, cell"), graded.source


def test_errors_point_at_the_notebook_cell(grader, tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("intro"),
                      nbformat.v4.new_code_cell("# task29\nimport tensorflow as tf\n"),
                      nbformat.v4.new_code_cell("def build_cnn():\n    x = 1\n    raise ValueError('oops')\n",
                                                metadata={"tags": ["task29"]})]
    (tmp_path / "hw").mkdir()
    nbformat.write(notebook, tmp_path / "hw" / "work.ipynb")
    run = grader.grade(tmp_path / "hw", tasks=("task29",))
    reason = task_of(run, "task29").reason
    assert "work.ipynb, cell 3, line 3" in reason, reason


def test_tags_from_metadata_or_first_line():
    assert cell_tag({"metadata": {"tags": ["exercise", "task13"]}, "source": "x = 1"}) == "task13"
    assert cell_tag({"metadata": {}, "source": "\n# Task13 pipeline\nx = 1"}) == "task13"
    assert cell_tag({"metadata": {}, "source": "x = 1\n# task13"}) is None


def test_magics_and_shell_lines_are_blanked_keeping_line_numbers():
    assert python_only("!pip install x\nx = 1\n  %time y = 2\nz = 3") == "\nx = 1\n\nz = 3"
    assert python_only("%%bash\necho hi\nls") == "\n\n"
    assert python_only("%%capture\nx = 1") == "\nx = 1"


def test_module_file_wins_over_cells_and_alias_tags_join_their_module(catalog, tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("# task29\ndef build_cnn():\n    pass"),
                      nbformat.v4.new_code_cell("# task06\nclass MLP: pass"),
                      nbformat.v4.new_code_cell("# task54\nMLP.extra = 1"),
                      nbformat.v4.new_code_cell("# task01\nprint('no code task')")]
    nbformat.write(notebook, tmp_path / "a.ipynb")
    (tmp_path / "task29_cnn.py").write_text("def build_cnn():\n    return None\n")
    submission = read_submission(tmp_path, catalog)
    assert submission.sources["task29_cnn"].origin == "task29_cnn.py"
    assert any("graded task29_cnn.py" in problem for problem in submission.problems)
    if "task06_backprop" in {task.module for task in catalog.tasks}:
        source = submission.sources["task06_backprop"]
        assert "class MLP" in source.text and "MLP.extra = 1" in source.text
        assert source.origin == "a.ipynb, cells 2, 3"
    assert any("task01" in problem and "ignored" in problem for problem in submission.problems)


@pytest.mark.parametrize("content, message", [
    (b'{"cells": [', "line 1"),
    (b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code"', "truncated"),
    (b"not json at all", "JSON"),
    (b'{"just": "json"}', "no cells"),
    (b'\xff\xfe{"cells": []}', "UTF-8"),
])
def test_broken_notebooks_are_named(content, message):
    with pytest.raises(NotebookError, match=message):
        tagged_cells(content, "bad.ipynb")


def test_old_nbformat_is_upgraded():
    old = nbformat.v3.new_notebook(worksheets=[nbformat.v3.new_worksheet(cells=[
        nbformat.v3.new_code_cell(input="# task29\ndef build_cnn():\n    return 1")])])
    text = nbformat.v3.writes_json(old)
    assert json.loads(text)["nbformat"] == 3
    cells = tagged_cells(text.encode(), "old.ipynb")
    assert [(cell.number, cell.tag) for cell in cells] == [(1, "task29")]


def test_broken_notebook_costs_only_its_tasks(catalog, tmp_path):
    (tmp_path / "broken.ipynb").write_text('{"cells": [')
    (tmp_path / "task29_cnn.py").write_text("def build_cnn():\n    return None\n")
    submission = read_submission(tmp_path, catalog)
    assert "task29_cnn" in submission.sources
    assert any(problem.startswith("broken.ipynb, line 1") for problem in submission.problems)
