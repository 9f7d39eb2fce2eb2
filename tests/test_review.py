"""Written parts: pending until reviewed; teaching assistants' scores merged in."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.catalog import load_catalog
from grader.course.class_outputs import review_view
from grader.course.review import ReviewError, apply_manual_scores, load_manual_scores
from grader.engine import GradeOptions, Grader
from grader.outputs.html import render


@pytest.fixture
def catalog(tmp_path):
    root = tmp_path / "catalog"
    for number, parts in ((1, {"answer": 2}), (8, {"a": 1, "b": 2})):
        folder = root / f"task{number:02d}_x"
        folder.mkdir(parents=True)
        (folder / "task.toml").write_text(f'id = "task{number:02d}"\nquiz_task = {number}\ntitle = "T{number}"\n')
        (folder / "written.toml").write_text("".join(
            f'[[part]]\nkey = "{key}"\npoints = {points}\nquestion = "Q {key}?"\n' for key, points in parts.items()))
        (folder / "rubric.toml").write_text("".join(f'[{key}]\nmentions = ["idea {key}"]\n' for key in parts))
    return load_catalog(root)


def grade(catalog, tmp_path, answers: str):
    folder = tmp_path / "alice"
    folder.mkdir(exist_ok=True)
    (folder / "answers.yaml").write_text(answers)
    with Grader(catalog, GradeOptions(isolate=False)) as grader:
        return grader.grade(folder)


def test_written_answers_are_pending_and_empty_ones_missing(catalog, tmp_path):
    run = grade(catalog, tmp_path, "task01:\n  answer: |\n    Feature learning.\ntask08:\n  a: ''\n  b: yes\n")
    task01, task08 = run.tasks
    assert task01.status == "pending_review" and task01.pending_max_score == 2 and task01.score == 0
    statuses = {check.id: check.status for check in task08.checks}
    assert statuses == {"written:a": "failed", "written:b": "pending_review"}
    assert (run.score, run.max_score, run.pending_max_score) == (0, 1, 4)
    assert "idea a" not in repr([c.feedback for c in task08.checks])
    assert "idea b" in task08.checks[1].details and "yes" in task08.checks[1].details


def write(tmp_path, name, text) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_manual_scores_from_csv_are_merged(catalog, tmp_path):
    run = grade(catalog, tmp_path, "task01:\n  answer: Feature learning.\ntask08:\n  a: MSE\n  b: No.\n")
    scores = load_manual_scores(write(tmp_path, "reviews.csv",
                                      "submission,task,part,points,comment\n"
                                      "alice,task01,answer,2,Complete.\n"
                                      "alice,task08,b,1,Half: say why the square matters.\n"
                                      "bob,task08,a,1,\n"), catalog)
    merged = apply_manual_scores(run, scores)
    task01, task08 = merged.tasks
    assert task01.status == "passed" and task01.score == 2 and task01.pending_max_score == 0
    assert "Complete." in task01.checks[0].feedback
    assert task08.status == "failed" and task08.score == 1 and task08.pending_max_score == 1
    assert (merged.score, merged.max_score, merged.pending_max_score) == (3, 4, 1)


def test_manual_scores_from_yaml(catalog, tmp_path):
    scores = load_manual_scores(write(tmp_path, "r.yaml",
                                      "- {submission: alice, task: task08, part: a, points: 1}\n"), catalog)
    assert scores[0].points == 1 and scores[0].comment == ""


@pytest.mark.parametrize("row, message", [
    ("alice,task99,answer,1,", "unknown task 'task99'"),
    ("alice,task08,c,1,", "no written part 'c'"),
    ("alice,task08,b,3,", "maximum is 2"),
    ("alice,task08,b,-1,", "maximum is 2"),
    ("alice,task08,b,lots,", "not a number"),
    (",task08,b,1,", "no submission"),
])
def test_bad_rows_are_rejected_with_file_and_row(catalog, tmp_path, row, message):
    path = write(tmp_path, "reviews.csv", f"submission,task,part,points,comment\nalice,task01,answer,1,ok\n{row}\n")
    with pytest.raises(ReviewError, match=f"reviews.csv, row 3: .*{message}"):
        load_manual_scores(path, catalog)


def test_duplicate_rows_and_bad_headers_are_rejected(catalog, tmp_path):
    with pytest.raises(ReviewError, match="already scored at reviews.csv, row 2"):
        load_manual_scores(write(tmp_path, "reviews.csv", "submission,task,part,points,comment\n"
                                 "a,task01,answer,1,\na,task01,answer,2,\n"), catalog)
    with pytest.raises(ReviewError, match="header"):
        load_manual_scores(write(tmp_path, "h.csv", "who,what\nx,y\n"), catalog)


@pytest.mark.parametrize("text, message", [
    ("- {submission: alice, task: task08, part: a, points: 1, comment: 2024-02-30}\n", None),
    ("- {? [a, b] : x}\n", r"r.yaml, line 1, column \d+: a key must be plain text"),
    ("- " + "[" * 3000 + "]" * 3000 + "\n", r"r.yaml, line 1, column \d+: .*nested more than 50"),
    ("- {submission: alice, points: !!int x}\n", r"r.yaml, line 1, column \d+: the tag !!int"),
    ("- [unclosed\n", r"r.yaml, line 2, column \d+"),
])
def test_scores_yaml_never_crashes(catalog, tmp_path, text, message):
    path = write(tmp_path, "r.yaml", text)
    if message is None:
        assert load_manual_scores(path, catalog)[0].comment == "2024-02-30"
    else:
        with pytest.raises(ReviewError, match=message):
            load_manual_scores(path, catalog)


def test_csv_the_reader_refuses_is_a_review_error(catalog, tmp_path):
    huge_comment = "x" * 200_000  # beyond the csv module's field limit
    path = write(tmp_path, "reviews.csv", f"submission,task,part,points,comment\nalice,task08,a,1,{huge_comment}\n")
    with pytest.raises(ReviewError, match="reviews.csv, row 2: not valid CSV"):
        load_manual_scores(path, catalog)


def test_a_carriage_return_inside_a_cell_reads_back(catalog, tmp_path):
    path = tmp_path / "reviews.csv"
    path.write_bytes(b'submission,task,part,points,comment\r\n"\'\rbob",task08,a,1,"line\r\nnext"\r\n')
    score = load_manual_scores(path, catalog)[0]
    assert (score.submission, score.comment) == ("\rbob", "line\r\nnext")


def test_the_review_page_lists_only_the_graded_tasks_questions(catalog, tmp_path):
    folder = tmp_path / "alice"
    folder.mkdir()
    (folder / "answers.yaml").write_text("task01:\n  answer: Feature learning.\ntask08:\n  a: MSE\n  b: No.\n")
    with Grader(catalog, GradeOptions(isolate=False, tasks=("task08",))) as grader:
        only_task08 = grader.grade(folder, "alice")
    view = review_view([only_task08], catalog)
    assert [(q["task"], q["part"]) for q in view["questions"]] == [("task08", "a"), ("task08", "b")]
    with Grader(catalog, GradeOptions(isolate=False, tasks=("task01",))) as grader:
        only_task01 = grader.grade(folder, "bob")
    both = review_view([only_task08, only_task01], catalog)
    assert [q["task"] for q in both["questions"]] == ["task01", "task08", "task08"]
    assert both["progress_key"] != view["progress_key"]
    assert review_view([], catalog)["questions"] == []


def test_the_review_page_script_never_writes_markup(catalog, tmp_path):
    """Saved comments and restored progress are student or assistant text: set as text only."""
    run = grade(catalog, tmp_path, "task01:\n  answer: '<img src=x onerror=alert(1)>'\n")
    html = render("review.html.j2", review_view([run], catalog))
    assert "&lt;img src=x" in html and "<img" not in html
    script = html.split("<script>")[1]
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "http://", "https://"):
        assert sink not in script
    assert 'id="keys"' in html and 'id="question"' in html and "tfgrader-review-" in script
