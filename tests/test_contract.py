"""The contract every task in the catalog must keep (run over the whole catalog).

- its metadata is valid and its points add up;
- the reference submission scores full marks on it;
- the student template scores 0 on it without crashing the grader, and says why;
- every fault fixture of it loses points on it, on the check that names the fault, and the
  report released with hidden feedback (``grader release --reveal feedback``) names it too
  and holds no line of a hidden test or rubric.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from markupsafe import escape
from conftest import (FAULTS, REFERENCE, SELECTED_TASKS, assert_generated_doc_current, make_submission,
                      regular_files, selected_tasks, task_of)
from test_student_kit import rubric_texts, secret_lines

from grader.catalog import load_catalog
from grader.outputs.files import student_report

CATALOG = load_catalog()
TASKS = selected_tasks(CATALOG)
FAULT_DIRS = sorted(path.parent for path in FAULTS.glob("*/*/fault.toml")
                    if path.parent.parent.name in {task.id for task in TASKS})


def test_catalog_is_not_empty():
    assert len(CATALOG.tasks) >= 5


@pytest.mark.skipif(SELECTED_TASKS is not None, reason="GRADER_TEST_TASKS selects a subset")
def test_every_quiz_task_is_in_the_catalog():
    """The quiz's tasks are numbered from 1: a gap or a repeat means a task folder is missing."""
    numbers = [task.quiz_task for task in CATALOG.tasks]
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("task", TASKS, ids=lambda task: task.id)
def test_metadata(task):
    assert task.title and task.folder.name.startswith(task.id + "_")
    assert task.probe_file.is_file() or not task.module
    assert task.module or task.answers or task.written, "a task must grade something"
    assert all(part.rubric for part in task.written), "every written part needs a rubric"
    if task.module or task.answers:
        assert (task.folder / "test_hidden.py").is_file()
    if task.module:
        assert (task.folder / "test_public.py").is_file(), "a code task needs public checks"
        assert (Path(__file__).parent.parent / "reference" / task.filename).is_file()
        assert (Path(__file__).parent.parent / "student_template" / task.filename).is_file()


@pytest.mark.parametrize("task", TASKS, ids=lambda task: task.id)
def test_reference_scores_full_marks(task, reference_run):
    score = task_of(reference_run, task.id)
    failing = [(check.name, check.feedback) for check in score.checks if check.status == "failed"
               or check.status == "error"]
    assert not failing
    assert score.status == ("pending_review" if task.written else "passed")
    assert score.score == score.max_score == task.points
    assert score.pending_max_score == sum(part.points for part in task.written)
    assert score.max_score + score.pending_max_score > 0


@pytest.mark.parametrize("task", TASKS, ids=lambda task: task.id)
def test_template_scores_zero_and_says_why(task, template_run):
    score = task_of(template_run, task.id)
    assert score.score == 0 and score.pending_max_score == 0
    assert score.status in ("missing", "failed")
    assert score.reason, "the student must be told why the task scored nothing"
    assert all(check.feedback for check in score.checks if check.status != "passed")


@pytest.mark.parametrize("task", [t for t in TASKS if t.module], ids=lambda task: task.id)
def test_every_code_task_has_fault_fixtures(task):
    assert [path for path in FAULT_DIRS if path.parent.name == task.id], f"no fault fixture for {task.id}"


@pytest.mark.parametrize("fault_dir", FAULT_DIRS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_fault_is_caught_and_named(fault_dir, grader, released_secrets, tmp_path):
    fault = tomllib.loads((fault_dir / "fault.toml").read_text())
    task = CATALOG.get(fault["task"])
    sharing = tuple(t.id for t in CATALOG.tasks if t.id == task.id or (task.module and t.module == task.module))
    run = grader.grade(make_submission(tmp_path, fault_dir), tasks=sharing)
    score = task_of(run, task.id)
    assert score.score < score.max_score, f"{fault['description']} was not caught"
    checks = {check.id: check for check in score.checks}
    for expected in fault["expect"]:
        check = checks[expected["check"]]
        assert check.status in ("failed", "error"), f"{expected['check']} should fail: {fault['description']}"
        assert expected["feedback"].lower() in check.feedback.lower(), (
            f"feedback of {check.id} does not name the fault: {check.feedback!r}")
    named = {expected["check"] for expected in fault["expect"]}
    cascade = [(check.id, check.feedback) for check in score.checks
               if check.status in ("failed", "error") and check.id not in named and not check.missing]
    assert not cascade, f"one fault, one failing check: {fault['description']} also fails {cascade}"
    assert_not_judged_costs_nothing_extra(score)
    for other in run.tasks:
        if other.id != task.id:
            assert other.score == other.max_score, f"{fault_dir.name} cost points on {other.id}"
    assert_release_names_it_and_leaks_nothing(run, checks, fault, released_secrets)


@pytest.fixture(scope="module")
def released_secrets():
    """Hidden tests' lines and rubrics' texts, less the reference's own lines (its code is in no report)."""
    reference = {line.strip() for path in regular_files(REFERENCE) for line in path.read_text().splitlines()}
    return {line for line in secret_lines(CATALOG) | rubric_texts(CATALOG) if len(line) > 25 and line not in reference}


def assert_release_names_it_and_leaks_nothing(run, checks, fault, secrets) -> None:
    report = student_report(run, "feedback")
    for expected in fault["expect"]:
        check = checks[expected["check"]]
        assert escape(check.name) in report and escape(check.feedback) in report, (
            f"the released report does not show {check.id} and its feedback")
    leaked = [line for line in secrets if line in report or escape(line) in report]
    assert not leaked, f"a released report holds hidden content: {leaked[:2]}"


def test_a_fault_patch_that_does_not_apply_is_refused_naming_it(tmp_path):
    fault = tmp_path / "fault"
    fault.mkdir()
    (fault / "fault.toml").write_text('[[replace]]\nfile = "task29_cnn.py"\nold = "no such line"\nnew = ""\n')
    with pytest.raises(ValueError, match=r"fault.toml: \[\[replace\]\] 1: .* occurs 0 times in task29_cnn.py"):
        make_submission(tmp_path, fault)


def assert_not_judged_costs_nothing_extra(score):
    """A check not judged names a failed check that weighs at least as much as what it blocks."""
    checks = {check.id: check for check in score.checks}
    blocked: dict[str, float] = {}
    for check in score.checks:
        if check.status == "not_judged":
            assert checks[check.blocked_by].status in ("failed", "error"), check.id
            blocked[check.blocked_by] = blocked.get(check.blocked_by, 0.0) + check.max_points
    for root, points in blocked.items():
        assert checks[root].max_points >= points, (
            f"{root} blocks {points:g} points but weighs {checks[root].max_points:g}: "
            "a student would gain by breaking it")


@pytest.mark.skipif(SELECTED_TASKS is not None, reason="GRADER_TEST_TASKS selects a subset")
def test_template_answers_yaml_is_generated_from_the_catalog():
    from grader.course.answers_template import render_answers_template

    committed = (Path(__file__).parent.parent / "student_template" / "answers.yaml").read_text()
    assert committed == render_answers_template(CATALOG), (
        "student_template/answers.yaml is stale: run `grader answers-template > student_template/answers.yaml`")


@pytest.mark.skipif(SELECTED_TASKS is not None, reason="GRADER_TEST_TASKS selects a subset")
def test_fault_table_is_current():
    assert_generated_doc_current("scripts/fault_table.py", "docs/faults.md")