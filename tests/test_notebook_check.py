"""``gn.check()`` inside a real kernel: nbclient runs notebooks that call it, as a student would.

A correct and a broken task 13 cell show the right points and hint in the cell's output;
the kernel never imports the checks (its ``sys.modules`` is read from the last cell);
Colab's path is taken with Colab's export call faked as Colab answers it, and the checker
process is started once per kernel and reused.
"""

from __future__ import annotations

import json
import shutil
import tomllib

import nbformat
import pytest
from conftest import FAULTS, REFERENCE
from nbclient import NotebookClient

FAULT = tomllib.loads((FAULTS / "task13" / "quiz_no_normalization" / "fault.toml").read_text())["replace"][0]
CORRECT = (REFERENCE / "task13_pipeline.py").read_text()
BROKEN = CORRECT.replace(FAULT["old"], FAULT["new"])
MODULES = ("import sys, json\nprint(json.dumps(sorted(name for name in sys.modules if name.split('.')[0] in "
           "('grader', 'pytest', '_pytest'))))")
FAKE_COLAB = """\
import json, sys, types
google, colab, message = (types.ModuleType(name) for name in ("google", "google.colab", "google.colab._message"))
FRONT_END = json.loads({notebook!r})  # the notebook as Colab's front end holds it, unsaved edits included
def blocking_request(request_type, request="", timeout_sec=5, parent=None):
    assert request_type == "get_ipynb"
    return {{"ipynb": FRONT_END}}
message.blocking_request, colab._message, google.colab = blocking_request, message, colab
sys.modules.update({{"google": google, "google.colab": colab, "google.colab._message": message}})
"""


def notebook(task_code: str, *cells: str) -> nbformat.NotebookNode:
    code = nbformat.v4.new_code_cell(task_code, metadata={"tags": ["task13"]})
    return nbformat.v4.new_notebook(cells=[code, *(nbformat.v4.new_code_cell(cell) for cell in cells)],
                                    metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                             "language": "python"}})


def execute(book: nbformat.NotebookNode, folder) -> nbformat.NotebookNode:
    NotebookClient(book, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return book


def shown(cell) -> tuple[str, str]:
    """(HTML, text) the cell displayed."""
    html = "".join(out.get("data", {}).get("text/html", "") for out in cell.outputs)
    text = "".join(out.get("data", {}).get("text/plain", "") + out.get("text", "") for out in cell.outputs)
    return html, text


@pytest.fixture(scope="module")
def jupyter_run(tmp_path_factory):
    """A saved notebook found as Jupyter's server names it to the kernel, checked twice."""
    folder = tmp_path_factory.mktemp("jupyter")
    path = folder / "homework.ipynb"
    shutil.copy(REFERENCE / "answers.yaml", folder / "answers.yaml")  # read from beside the notebook
    book = notebook(CORRECT, "import grader.notebook as gn\ngn.check('task13')",
                    "import os\nprint(os.getpid(), gn._checker.pid)\ngn.check('task13')", MODULES)
    nbformat.write(book, path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JPY_SESSION_NAME", str(path))  # the kernel inherits it, as the server sets it
        return execute(book, folder)


def test_a_correct_cell_shows_full_points_and_what_was_graded(jupyter_run):
    html, text = shown(jupyter_run.cells[1])
    assert "Public checks: 2 / 2 points</strong> (+2 awaiting review)" in html and "Task 13" in html
    assert "Graded from homework.ipynb, cell" in html and "Score: 2 / 2" in text
    assert "✘" not in html and "○" not in html


def test_the_kernel_never_imports_the_checks(jupyter_run):
    modules = json.loads(jupyter_run.cells[3].outputs[0]["text"])
    assert modules == ["grader", "grader.notebook"], modules


def test_the_checker_is_started_once_per_kernel_and_reused(jupyter_run):
    html, _ = shown(jupyter_run.cells[2])
    assert "Public checks: 2 / 2 points" in html
    kernel, checker = map(int, jupyter_run.cells[2].outputs[0]["text"].split())
    assert checker != kernel  # the checks run in a process of their own


def test_colab_hands_over_its_notebook_and_a_broken_cell_gets_its_hint(tmp_path):
    front_end = notebook(BROKEN, "import grader.notebook as gn\ngn.check('task13')")
    shutil.copy(REFERENCE / "answers.yaml", tmp_path / "answers.yaml")  # Colab's working folder, /content
    book = notebook(BROKEN, FAKE_COLAB.format(notebook=nbformat.writes(front_end)),
                    "import grader.notebook as gn\ngn.check('task13')")
    html, text = shown(execute(book, tmp_path).cells[2])
    assert "Public checks: 1 / 2 points" in html and "not normalised" in html and "✘" in html
    assert "Graded from notebook.ipynb, cell" in html and "Score: 1 / 2" in text


def test_a_notebook_it_cannot_find_gets_a_sentence_saying_what_to_pass(tmp_path, monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    book = notebook(CORRECT, "import grader.notebook as gn\ntry:\n    gn.check('task13')\n"
                             "except gn.NotebookNotFound as exc:\n    print(exc)")
    _, text = shown(execute(book, tmp_path).cells[1])
    assert "notebook='homework.ipynb'" in text
