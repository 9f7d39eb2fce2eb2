"""Written answers in harmless other forms: one block for several parts, a plain string."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from grader.catalog import load_catalog
from grader.course.class_outputs import review_scores_csv, review_view
from grader.course.review import ReviewError, apply_manual_scores, load_manual_scores
from grader.engine import GradeOptions, Grader
from grader.outputs.gradescope import gradescope_results
from grader.outputs.html import render
from grader.outputs.views import student_view

TASKS = {1: ({"answer": 2}, ""), 8: ({"a": 1, "b": 2, "c": 3}, ""),
         9: ({"explanation": 2}, '[[answer]]\nkey = "choice"\nquestion = "MSE or SE?"\n')}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    root = tmp_path_factory.mktemp("catalog")
    for number, (parts, extra) in TASKS.items():
        folder = root / f"task{number:02d}_x"
        folder.mkdir(parents=True)
        (folder / "task.toml").write_text(
            f'id = "task{number:02d}"\nquiz_task = {number}\ntitle = "T{number}"\n{extra}')
        (folder / "written.toml").write_text("".join(
            f'[[part]]\nkey = "{key}"\npoints = {points}\nquestion = "Q {key}?"\n' for key, points in parts.items()))
        (folder / "rubric.toml").write_text("".join(f'[{key}]\nmentions = ["idea {key}"]\n' for key in parts))
    return load_catalog(root)


def grade(catalog, tmp_path, answers: str, name: str = "alice"):
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    (folder / "answers.yaml").write_text(answers)
    with Grader(catalog, GradeOptions(isolate=False)) as grader:
        return grader.grade(folder)


def tasks_of(run):
    return {task.id: task for task in run.tasks}


@pytest.mark.parametrize("task08", ["task08: |\n  All of it at once.\n", "task08:\n  answer: All of it at once.\n"])
def test_one_block_for_several_parts_goes_to_review_as_one_answer(catalog, tmp_path, task08):
    task = tasks_of(grade(catalog, tmp_path, task08))["task08"]
    [check] = task.checks
    assert (check.id, check.status, check.max_points, check.covers) == ("written:answer", "pending_review", 6,
                                                                          ("a", "b", "c"))
    assert check.answer.strip() == "All of it at once." and not check.missing
    assert "one block" in check.name and "one block" in check.feedback
    assert "idea a" in check.details and "idea c" in check.details and "idea a" not in check.feedback
    assert task.status == "pending_review" and task.pending_max_score == 6


def test_named_parts_win_and_the_block_covers_the_rest(catalog, tmp_path):
    task = tasks_of(grade(catalog, tmp_path, "task08:\n  a: Own answer.\n  b: ''\n  answer: The rest.\n"))["task08"]
    assert [(c.id, c.status, c.max_points, c.covers) for c in task.checks] == [
        ("written:a", "pending_review", 1, ()), ("written:answer", "pending_review", 5, ("b", "c"))]


def test_a_block_beside_every_part_is_not_reviewed(catalog, tmp_path):
    text = "task08:\n  a: A.\n  b: B.\n  c: C.\n  answer: Extra.\n"
    task = tasks_of(grade(catalog, tmp_path, text))["task08"]
    assert [check.id for check in task.checks] == ["written:a", "written:b", "written:c"]


def test_a_single_part_question_takes_a_plain_string_or_an_answer_key(catalog, tmp_path):
    tasks = tasks_of(grade(catalog, tmp_path, "task01: Feature learning.\ntask09:\n  choice: MSE\n  answer: Mean.\n"))
    [task01], [task09] = tasks["task01"].checks, tasks["task09"].checks
    assert (task01.id, task01.status, task01.answer, task01.covers) == ("written:answer", "pending_review",
                                                                         "Feature learning.", ())
    assert (task09.id, task09.status, task09.answer) == ("written:explanation", "pending_review", "Mean.")


def test_empty_blocks_are_missing(catalog, tmp_path):
    tasks = tasks_of(grade(catalog, tmp_path, "task08: ''\ntask01:\n"))
    assert [c.id for c in tasks["task08"].checks] == ["written:a", "written:b", "written:c"]
    assert all(c.missing for c in tasks["task08"].checks) and tasks["task08"].status == "missing"


def test_the_student_report_flags_the_block(catalog, tmp_path):
    run = grade(catalog, tmp_path, "task08: Everything.\n")
    html = render("report.html.j2", student_view(run))
    assert "one block: a, b, c" in html and "answered in one block" in html
    assert "one block covering a, b, c (6 points)" in gradescope_results(run)["output"]


def write(tmp_path, text) -> Path:
    path = tmp_path / "reviews.csv"
    path.write_text("submission,task,part,points,comment\n" + text)
    return path


def test_one_score_for_the_block_up_to_the_parts_total(catalog, tmp_path):
    run = grade(catalog, tmp_path, "task08: Everything.\n")
    scores = load_manual_scores(write(tmp_path, "alice,task08,answer,5,Misses c's second half.\n"), catalog)
    task = tasks_of(apply_manual_scores(run, scores))["task08"]
    assert (task.score, task.max_score, task.pending_max_score, task.status) == (5, 6, 0, "failed")
    assert task.reason.startswith("Reviewed by a teaching assistant: 5/6.")
    assert task.parts[0].headline == "written parts: reviewed, 5/6 (answered in one block)"


@pytest.mark.parametrize("row, message", [
    ("alice,task08,answer,7,", "maximum is 6"),
    ("alice,task01,explanation,1,", "no written part 'explanation'"),
    ("alice,task09,answer,1,", r"no written part 'answer' \(parts: explanation\)"),
])
def test_block_rows_are_checked_against_the_catalog(catalog, tmp_path, row, message):
    with pytest.raises(ReviewError, match=f"reviews.csv, row 2: .*{message}"):
        load_manual_scores(write(tmp_path, row + "\n"), catalog)


@pytest.mark.parametrize("answers, row, message", [
    ("task08: Everything.\n", "alice,task08,b,1,",
     "answered task08 a, b, c in one block: score it once as part answer"),
    ("task08:\n  a: A.\n  b: B.\n  c: C.\n", "alice,task08,answer,1,",
     r"did not answer task08 in one block: .*a, b, c"),
    ("task08:\n  a: A.\n  answer: Rest.\n", "alice,task08,answer,6,", r"block covers b, c \(maximum 5\)"),
])
def test_block_rows_must_fit_the_submission(catalog, tmp_path, answers, row, message):
    run = grade(catalog, tmp_path, answers)
    scores = load_manual_scores(write(tmp_path, row + "\n"), catalog)
    with pytest.raises(ReviewError, match=f"reviews.csv, row 2: .*{message}"):
        apply_manual_scores(run, scores)


def test_the_review_page_and_scores_file_take_the_block_once(catalog, tmp_path):
    results = [grade(catalog, tmp_path, "task08: Everything <b>.\n", "alice"),
               grade(catalog, tmp_path, "task08:\n  a: A.\n  b: B.\n  c: C.\n", "bob")]
    view = review_view(results, catalog)
    block = next(q for q in view["questions"] if q["task"] == "task08" and q["block"])
    assert [a["submission"] for a in block["answers"]] == ["alice"] and block["points"] == 6
    assert block["answers"][0]["max_points"] == 6 and block["rubric"][0] == "(a) idea a"
    part_a = next(q for q in view["questions"] if q["task"] == "task08" and q["part"] == "a")
    assert [a["submission"] for a in part_a["answers"]] == ["bob"] and part_a["unanswered"] == []
    assert part_a["in_block"] == ["alice"]
    html = render("review.html.j2", view)
    assert "answered in one block" in html and "Everything &lt;b&gt;." in html and 'max="6.0"' in html
    assert "Answered within one block" in html
    rows = list(csv.DictReader(io.StringIO(review_scores_csv(results))))
    assert [(r["submission"], r["part"]) for r in rows if r["task"] == "task08"] == [
        ("alice", "answer"), ("bob", "a"), ("bob", "b"), ("bob", "c")]
