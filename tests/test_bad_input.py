"""Malformed submissions: a clear message naming the file (and line), the rest graded.

Includes fuzzing: whatever bytes arrive, the readers raise only their own, explained
errors and never write outside their folder.
"""

from __future__ import annotations

import io
import json
import zipfile

import nbformat
import pytest
from conftest import REFERENCE, make_submission, task_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grader.intake.answers import AnswersError, parse_answers
from grader.intake.archives import ArchiveError, extract_zip
from grader.intake.notebooks import MAX_CELL_CHARS, NotebookError, tagged_cells
from grader.intake.submission import SourceError, decode_source, read_submission
from grader.outputs.html import render
from grader.outputs.views import student_view

FUZZ = settings(max_examples=300, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_bad_sources_are_named_with_their_line(catalog, tmp_path):
    (tmp_path / "task29_cnn.py").write_bytes(b"def build_cnn():\n    return 'caf\xe9'\n")
    (tmp_path / "task39_receptive_field.py").write_bytes(b"# coding: utf-7\nprint(1)\n")
    (tmp_path / "task13_pipeline.py").write_bytes("\ufeffimport tensorflow as tf\n".encode("utf-8"))
    submission = read_submission(tmp_path, catalog)
    assert "task29_cnn.py, line 2: not valid UTF-8" in submission.rejected["task29_cnn"]
    assert "task39_receptive_field.py, line 1: only UTF-8" in submission.rejected["task39_receptive_field"]
    assert submission.sources["task13_pipeline"].text.startswith("import tensorflow")  # BOM is fine


@pytest.mark.parametrize("read, error, name", [(parse_answers, AnswersError, "answers.yaml"),
                                                (tagged_cells, NotebookError, "quiz.ipynb")])
def test_answers_and_notebooks_that_are_not_utf8_are_named_with_their_line(read, error, name):
    with pytest.raises(error, match=rf"^{name}, line 3: not valid UTF-8 text"):
        read(b"{\n\n \"caf\xe9\": 1}\n", name)


def test_rejected_source_costs_only_its_task(grader, tmp_path):
    submission = make_submission(tmp_path)
    (submission / "task29_cnn.py").write_bytes(b"\xff\xfe not utf-8 at all")
    (submission / "answers.yaml").write_text((REFERENCE / "answers.yaml").read_text())
    run = grader.grade(submission, tasks=("task29", "task39"))
    task29 = task_of(run, "task29")
    assert "not valid UTF-8" in task29.reason and task29.score < task29.max_score
    assert task_of(run, "task39").score == task_of(run, "task39").max_score
    assert any("task29_cnn.py" in problem for problem in run.problems)


def test_invalid_yaml_keeps_code_graded(grader, tmp_path):
    submission = make_submission(tmp_path)
    (submission / "answers.yaml").write_text("task29:\n  params_per_layer: [80, 0\n  output_shapes: x\n")
    run = grader.grade(submission, tasks=("task29", "task39"))
    task29 = task_of(run, "task29")
    answer_checks = [check for check in task29.checks if check.id.startswith("test_answer")]
    assert answer_checks and all("answers.yaml, line" in check.feedback for check in answer_checks)
    assert all(check.status == "passed" for check in task29.checks if not check.id.startswith("test_answer"))
    task39 = task_of(run, "task39")
    assert all(check.status == "passed" for check in task39.checks if not check.id.startswith("written:"))
    assert all("answers.yaml, line 3" in check.feedback for check in task39.checks if check.id.startswith("written:"))


def test_huge_cells_are_refused_with_the_cell_number():
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("# task29\n" + "x = 1\n" * MAX_CELL_CHARS)])
    with pytest.raises(NotebookError, match="cell 1"):
        tagged_cells(nbformat.writes(notebook).encode(), "big.ipynb")


def test_stored_outputs_never_reach_the_report(grader, tmp_path):
    hostile = '<script>alert("x")</script><img src=x onerror="alert(1)">'
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(hostile),
        nbformat.v4.new_code_cell("# task39\ndef receptive_field(layers):\n    raise ValueError('" + hostile.replace("'", "") + "')")])
    notebook.cells[1].outputs = [nbformat.v4.new_output("display_data", {"text/html": hostile})]
    (tmp_path / "nb").mkdir()
    nbformat.write(notebook, tmp_path / "nb" / "work.ipynb")
    run = grader.grade(tmp_path / "nb", tasks=("task39",))
    html = render("report.html.j2", student_view(run))
    assert "<script>" not in html and "<img src=x" not in html and "&lt;script&gt;" in html


def test_lone_surrogates_in_a_notebook_and_in_answers_are_graded_not_fatal(grader, tmp_path):
    """JSON and YAML escapes such as \ud800 decode to text that no UTF-8 writer accepts."""
    escape = "\\" + "ud800"  # the six characters of the escape, as a file holds them
    cell = f"# task39\\ndef receptive_field(layers):\\n    raise ValueError('lone {escape} in a message')\\n"
    (tmp_path / "nb").mkdir()
    (tmp_path / "nb" / "work.ipynb").write_text(
        '{"cells": [{"cell_type": "code", "id": "c1", "metadata": {}, "outputs": [], "execution_count": null, '
        f'"source": "{cell}"}}], "metadata": {{}}, "nbformat": 4, "nbformat_minor": 5}}')
    (tmp_path / "nb" / "answers.yaml").write_text(f'task39:\n  key_idea: "grows {escape} with depth"\n')
    assert "\ud800" in json.loads((tmp_path / "nb" / "work.ipynb").read_text())["cells"][0]["source"]
    run = grader.grade(tmp_path / "nb", tasks=("task39",))
    task39 = task_of(run, "task39")
    assert task39.source.startswith("work.ipynb"), (task39.source, run.problems)
    texts = [check.feedback + check.answer for check in task39.checks]
    assert all(text.encode("utf-8") for text in texts)  # encodable: no lone surrogate is left
    assert any("lone \ufffd in a message" in text for text in texts), texts
    assert any("grows \ufffd with depth" in text for text in texts), texts


def test_a_hundred_thousand_files_are_refused_quickly(tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as bundle:
        for number in range(100_000):
            bundle.writestr(f"f{number}", b"")
    with pytest.raises(ArchiveError, match="100,000 entries"):
        extract_zip(path, tmp_path / "out")
    assert not (tmp_path / "out").exists()


@FUZZ
@given(st.binary(max_size=4000))
def test_fuzz_notebook_reader_with_bytes(data):
    try:
        tagged_cells(data, "fuzz.ipynb")
    except NotebookError as exc:
        assert "fuzz.ipynb" in str(exc)


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                           lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.text(max_size=10), children, max_size=4), max_leaves=30)
CELLS = st.lists(st.fixed_dictionaries({"cell_type": st.sampled_from(["code", "markdown", "raw", "weird"]),
                                        "source": st.text(max_size=200) | st.lists(st.text(max_size=40)),
                                        "metadata": st.dictionaries(st.sampled_from(["tags", "x"]), JSON_VALUES)}),
                 max_size=6)


@FUZZ
@given(CELLS, st.sampled_from([3, 4, 5]), JSON_VALUES)
def test_fuzz_notebook_reader_with_structures(cells, version, extra):
    document = {"nbformat": version, "nbformat_minor": 0, "metadata": {"junk": extra}, "cells": cells}
    try:
        tagged_cells(json.dumps(document).encode(), "fuzz.ipynb")
    except NotebookError as exc:
        assert "fuzz.ipynb" in str(exc)


@FUZZ
@given(st.binary(max_size=3000) | st.text(max_size=3000).map(str.encode))
def test_fuzz_yaml_reader(data):
    try:
        answers = parse_answers(data, "answers.yaml")
    except AnswersError as exc:
        assert str(exc).startswith("answers.yaml")
    else:
        assert isinstance(answers, dict)


@pytest.mark.filterwarnings("ignore:Duplicate name")
@FUZZ
@given(st.lists(st.tuples(st.text(min_size=1, max_size=40), st.binary(max_size=200)), max_size=8),
       st.integers(min_value=0, max_value=0o177777))
def test_fuzz_zip_reader(tmp_path, members, mode):
    target = tmp_path / "fuzz-out"
    target.mkdir(exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for name, data in members:
            info = zipfile.ZipInfo(name)
            info.external_attr = mode << 16
            bundle.writestr(info, data)
    path = tmp_path / "fuzz.zip"
    path.write_bytes(buffer.getvalue())
    try:
        extract_zip(path, target)
    except ArchiveError as exc:
        assert "fuzz.zip" in str(exc)
    for written in target.rglob("*"):
        assert written.resolve().is_relative_to(target.resolve())


@FUZZ
@given(st.binary(max_size=2000))
def test_fuzz_corrupt_zip_bytes(tmp_path, data):
    path = tmp_path / "corrupt.zip"
    path.write_bytes(b"PK\x03\x04" + data)
    try:
        extract_zip(path, tmp_path / "corrupt-out")
    except ArchiveError as exc:
        assert "corrupt.zip" in str(exc)


@FUZZ
@given(st.binary(max_size=2000))
def test_fuzz_source_decoder(data):
    try:
        decode_source(data, "task29_cnn.py")
    except SourceError as exc:
        assert str(exc).startswith("task29_cnn.py")


YAML_PIECES = st.sampled_from([
    "task01:", "\n", "  ", "answer: ", "? ", ": ", "- ", "[", "]", "{", "}", ", ", "2024-02-30",
    "2024-02-30 25:61:61", "1" * 5000, "0x1F", "1e400", ".nan", "yes", "~", "!!int ", "!!timestamp ",
    "!!binary ", "!!set ", "!!python/name:os.system ", "!!merge ", "<<", "&a ", "*a", '"\\ud800"', "'", '"',
    "|", ">", "#", "%YAML 1.1\n---\n", "---\n", "...\n", "\t", "\ufeff"])


@FUZZ
@given(st.lists(YAML_PIECES, max_size=60).map("".join))
def test_fuzz_yaml_reader_with_yaml_fragments(text):
    """Pieces that PyYAML constructs badly, in any order: only AnswersError, naming the file."""
    try:
        answers = parse_answers(text.encode("utf-8"), "answers.yaml")
    except AnswersError as exc:
        assert str(exc).startswith("answers.yaml")
    else:
        assert isinstance(answers, dict)
