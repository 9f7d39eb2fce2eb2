"""Notebooks as students really hand them in: the tags they write, cells that only look tagged."""

from __future__ import annotations

import nbformat
import pytest

from grader.intake.notebooks import read_cells
from grader.intake.submission import read_submission


def notebook_bytes(*sources: str, tags: list | None = None) -> bytes:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Task 29: a CNN")]
    notebook.cells += [nbformat.v4.new_code_cell(source) for source in sources]
    if tags is not None:
        notebook.cells[-1].metadata["tags"] = tags
    return nbformat.writes(notebook).encode()


@pytest.mark.parametrize("source", [
    "# Task 29\nx = 1", "# task 29\nx = 1", "## task29\nx = 1", "# task29_cnn\nx = 1",
    "#@title task29\nx = 1", '#@title Task 29 { display-mode: "form" }\nx = 1  #@param {type:"integer"}',
    "%%time\n# task29\nx = 1", "!pip install tensorflow==2.21\n# Task 29\nx = 1",
    "%pip install -q keras\n\n# task29: the network\nx = 1", "# Task 29: build the CNN\nx = 1",
])
def test_tags_students_write_are_recognised(source):
    cells, hints = read_cells(notebook_bytes(source), "hw.ipynb")
    assert [(cell.number, cell.tag) for cell in cells] == [(2, "task29")] and hints == []
    assert "x = 1" in cells[0].text and "pip" not in cells[0].text and "%%time" not in cells[0].text


@pytest.mark.parametrize("tags", [["Task29"], ["task 29"], ["task29_cnn"], ["exercise", "task29"]])
def test_metadata_tags_in_any_spelling(tags):
    cells, _ = read_cells(notebook_bytes("x = 1", tags=tags), "hw.ipynb")
    assert [cell.tag for cell in cells] == ["task29"]


def test_single_digit_tasks_are_zero_padded():
    cells, _ = read_cells(notebook_bytes("# Task 6\nclass MLP: pass"), "hw.ipynb")
    assert [cell.tag for cell in cells] == ["task06"]


def test_a_first_line_starting_with_a_tag_tags_the_cell_whatever_it_goes_on_to_say():
    """TASKS.md: a cell that starts with a line `# taskNN` is that task's (it was so before looser tags)."""
    for source in ("# task39 (builds on task 29's CNN)\nx = 1", "# Task 6 and 54: the MLP\nx = 1"):
        cells, hints = read_cells(notebook_bytes(source), "hw.ipynb")
        assert [cell.tag for cell in cells] == [("task39" if "39" in source else "task06")] and hints == []


@pytest.mark.parametrize("source, why", [
    ("# My solution for task 29\nx = 1", "its first line does not start with the tag"),
    ("import tensorflow as tf\n# this is task 29\nx = 1", "is named only after the first line"),
])
def test_cells_that_only_look_tagged_are_named_not_guessed(source, why):
    cells, hints = read_cells(notebook_bytes(source), "hw.ipynb")
    assert cells == []
    assert len(hints) == 1 and hints[0].startswith("hw.ipynb, cell 2 looks tagged for Task 29 but "), hints
    assert why in hints[0] and "`# task29`" in hints[0]


def test_untagged_scratch_cells_give_no_hint():
    cells, hints = read_cells(notebook_bytes("print('scratch')", "x = 3  # tasks left: 2"), "hw.ipynb")
    assert cells == [] and hints == []


def test_hints_reach_the_run_warnings(grader, tmp_path):
    (tmp_path / "hw").mkdir()
    (tmp_path / "hw" / "hw.ipynb").write_bytes(notebook_bytes("# see task 29 below\ndef build_cnn(): pass"))
    run = grader.grade(tmp_path / "hw", tasks=("task29",))
    assert any(warning.startswith("hw.ipynb, cell 2 looks tagged for Task 29 but") for warning in run.warnings)


def test_colab_form_cell_grades_as_its_task(catalog, tmp_path):
    (tmp_path / "hw.ipynb").write_bytes(notebook_bytes(
        '#@title Task 29 { display-mode: "form" }\ndef build_cnn():\n    return None'))
    submission = read_submission(tmp_path, catalog)
    assert submission.sources["task29_cnn"].origin == "hw.ipynb, cell 2"


def graded_notebook(grader, folder, *sources: str):
    from conftest import task_of

    folder.mkdir()
    (folder / "work.ipynb").write_bytes(notebook_bytes(*sources))
    return task_of(grader.grade(folder, tasks=("task29",)), "task29")


def test_a_failing_cell_is_named_as_cells_not_as_a_file(grader, tmp_path):
    task = graded_notebook(grader, tmp_path / "hw", "# task29\nimport math\nx = 1", "# task29\nraise ValueError('oops')")
    assert "Running the cells tagged task29 failed (work.ipynb, cell 3, line 2): ValueError: oops" in task.reason
    assert "task29_cnn.py" not in task.reason and all("task29_cnn.py" not in c.feedback for c in task.checks)


def test_syntax_errors_and_missing_names_speak_of_cells(grader, tmp_path):
    task = graded_notebook(grader, tmp_path / "syntax", "# task29\nx = 1", "# task29\ndef build_cnn(:\n    pass")
    assert "Running the cells tagged task29 failed: SyntaxError" in task.reason, task.reason
    assert "(work.ipynb, cell 3, line 2)" in task.reason and "task29_cnn.py" not in task.reason
    task = graded_notebook(grader, tmp_path / "name", "# task29\nx = 1")
    assert "the cells tagged task29 (work.ipynb, cell 2) do not define `build_cnn`" in task.reason, task.reason
    assert "MissingName" not in task.reason


def test_a_module_file_is_still_named_as_the_file(grader, tmp_path):
    from conftest import task_of

    (tmp_path / "hw").mkdir()
    (tmp_path / "hw" / "task29_cnn.py").write_text("x = 1\nraise ValueError('oops')\n")
    task = task_of(grader.grade(tmp_path / "hw", tasks=("task29",)), "task29")
    assert "Importing task29_cnn.py failed (task29_cnn.py, line 2): ValueError: oops" in task.reason, task.reason
    (tmp_path / "hw" / "task29_cnn.py").write_text("x = 1\n")
    task = task_of(grader.grade(tmp_path / "hw", tasks=("task29",)), "task29")
    assert "task29_cnn.py does not define `build_cnn`" in task.reason and "MissingName" not in task.reason


@pytest.mark.parametrize("content, said", [
    (b'{\n "nbformat": 4,\n "cells": [{"cell_type": "code", "source": "x = 1\\ny = ',
     "homework.ipynb, line 3: not a complete notebook file (the JSON text ends inside a string that starts"),
    (b'{"nbformat": 4, "cells": [\n', "homework.ipynb, line 2: not a complete notebook file"),
    (b'{"cells": [] "x": 1}', "its JSON text is broken here: a comma is missing"),
    (b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code"}]}',
     "a part of it has no 'metadata' entry"),
    (b'{"nbformat": 9, "cells": []}', "says it is notebook format 9"),
])
def test_unreadable_notebooks_are_explained_in_plain_words(content, said):
    from grader.intake.notebooks import NotebookError

    with pytest.raises(NotebookError) as raised:
        read_cells(content, "homework.ipynb")
    message = str(raised.value)
    assert said in message and "re-download it" in message, message
    for library_word in ("ValidationError", "Unterminated", "JSONDecodeError", "NBFormatError", "Expecting"):
        assert library_word not in message


def test_a_notebook_that_cannot_be_converted_is_explained():
    from grader.intake.notebook_errors import nbformat_problem

    message = nbformat_problem("old.ipynb", Exception(
        "Notebook could not be converted from version 3 to version 4 because it's missing a key: 'outputs'"))
    assert message.startswith("old.ipynb is an old notebook (format 3) that could not be updated to format 4")
    assert "'outputs'" in message and "converted" not in message


def test_a_traceback_path_to_the_joined_module_becomes_one_cell_location():
    from grader.domain import SourceFile

    source = SourceFile("task29_cnn", "x\n\ny\n", "work.ipynb, cells 2, 4", notebook="work.ipynb",
                        cell_spans=((1, 2), (3, 4)))
    text = 'File "/tmp/stage/s1/task29_cnn.py", line 4, in build_cnn'
    assert source.localize(text) == "work.ipynb, cell 4, line 2, in build_cnn"
    assert source.localize("invalid syntax (task29_cnn.py, line 1)") == "invalid syntax (work.ipynb, cell 2, line 1)"
