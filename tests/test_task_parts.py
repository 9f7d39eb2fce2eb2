"""A task's code, structured answers and written parts, each judged on its own (no worker)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from grader.checks.scoring import score_run, score_task
from grader.course.class_outputs import summary_view
from grader.domain import CheckResult, Submission, TaskSpec
from grader.outputs.gradescope import gradescope_results
from grader.outputs.html import render
from grader.outputs.junit import junit_xml
from grader.outputs.results import run_to_dict
from grader.outputs.terminal import print_summary
from grader.outputs.views import staff_view, student_view

TASK = TaskSpec(id="task29", quiz_task=29, title="CNNs", folder=Path("."), module="task29_cnn")


def code(name, status="passed", visibility="public", feedback="", missing=False):
    return CheckResult("task29", f"test_{name}", name, status, 1.0 if status == "passed" else 0.0, 1.0,
                       visibility, feedback, missing=missing)


def answer(name, status="passed", feedback="", missing=False):
    return CheckResult("task29", f"test_{name}", name, status, 1.0 if status == "passed" else 0.0, 1.0,
                       "hidden", feedback, missing=missing, part="answers")


def written(key, status="pending_review", missing=False, covers=(), points=2.0):
    feedback = f"answers.yaml has no answer for task29.{key}." if missing else "Awaiting review."
    return CheckResult("task29", f"written:{key}", f"Written answer task29.{key}", status, 0.0, points,
                       "public", feedback, missing=missing, part="written", covers=covers)


def task_of(*checks):
    submission = Submission(id="s1", path=Path("."))
    return score_task(TASK, list(checks), submission)


def test_code_that_passes_with_a_missing_written_part_is_incomplete_not_failed():
    task = task_of(code("a"), code("b"), written("answer", "failed", missing=True))
    assert task.status == "incomplete"
    assert task.reason == "code: all checks passed; written part: missing"
    assert [(part.kind, part.status) for part in task.parts] == [("code", "passed"), ("written", "missing")]


def test_code_that_passes_with_written_parts_awaiting_review():
    task = task_of(code("a"), written("a"), written("b"))
    assert task.status == "pending_review"
    assert task.reason == "code: all checks passed; written parts: awaiting review"


def test_a_block_is_flagged_in_the_headline():
    task = task_of(code("a"), written("answer", covers=("a", "b", "c"), points=6))
    assert task.reason == "code: all checks passed; written parts: awaiting review (answered in one block)"
    assert task.pending_max_score == 6


def test_mixed_written_states_are_counted_by_part():
    task = task_of(code("a"), written("a"), written("b", "failed", missing=True),
                   written("answer", covers=("c", "d")))
    assert task.status == "incomplete"
    assert task.reason.endswith("written parts: 3 awaiting review, 1 missing (answered in one block)")


def test_failed_code_stays_failed_and_names_the_code():
    task = task_of(code("a", "failed", feedback="The last layer has 5 units."), written("answer"))
    assert task.status == "failed"
    assert task.reason == "code: The last layer has 5 units; written part: awaiting review"


def test_missing_code_with_an_answered_written_part_is_incomplete():
    task = task_of(code("a", "failed", feedback="No code for task29.", missing=True), written("answer"))
    assert task.status == "incomplete"
    assert task.reason == "code: No code for task29; written part: awaiting review"


def test_nothing_handed_in_is_missing():
    task = task_of(code("a", "failed", feedback="No code.", missing=True), written("answer", "failed", missing=True))
    assert task.status == "missing"


def test_hidden_messages_never_reach_the_headline():
    task = task_of(code("a"), code("secret", "failed", "hidden", feedback="expected 9098"),
                   answer("shape", "failed", feedback="expected [28, 28, 8]"))
    assert "9098" not in task.reason and "28, 28" not in task.reason
    assert task.reason == "code: Some hidden checks did not pass; answer: not correct"


def test_missing_structured_answers_do_not_fail_the_code():
    task = task_of(code("a"), answer("p", "failed", missing=True, feedback="answers.yaml has no answer"),
                   answer("q", "failed", missing=True, feedback="answers.yaml has no answer"))
    assert (task.status, task.reason) == ("incomplete", "code: all checks passed; answers: missing")


def test_a_code_only_task_keeps_its_plain_reason():
    task = task_of(code("a", "failed", feedback="Wrong shape."))
    assert task.reason == "Wrong shape." and len(task.parts) == 1
    assert task_of(code("a")).reason == ""


def test_a_reviewed_written_part_shows_its_points():
    reviewed = CheckResult("task29", "written:answer", "W", "failed", 1.0, 2.0, "public", "Reviewed",
                           part="written")
    task = task_of(code("a"), reviewed)
    assert task.status == "failed" and task.reason == "code: all checks passed; written part: reviewed, 1/2"


@pytest.fixture
def run():
    submission = Submission(id="s1", path=Path("."), answers_warnings=("answers.yaml, line 3: task29.d <b>",))
    task = score_task(TASK, [code("a"), written("answer", "failed", missing=True)], submission)
    return score_run(submission, [task])


def test_every_output_carries_the_parts(run):
    data = run_to_dict(run)
    task = data["tasks"][0]
    assert task["status"] == "incomplete" and [p["part"] for p in task["parts"]] == ["code", "written"]
    assert task["parts"][0]["headline"] == "code: all checks passed" and data["warnings"]
    assert {check["part"] for check in task["checks"]} == {"code", "written"}
    json.dumps(data)
    html = render("report.html.j2", student_view(run))
    assert "incomplete" in html and "code: all checks passed; written part: missing" in html
    assert "task29.d &lt;b&gt;" in html and "Warnings about your answers.yaml" in html
    assert "s-incomplete" in render("report.html.j2", staff_view(run))
    assert '<span class="badge s-missing">missing</span>' in html
    assert '<property name="status" value="incomplete"' in junit_xml(run)
    assert 'name="written_status" value="missing"' in junit_xml(run)
    assert gradescope_results(run)["score"] == 1


def test_terminal_prints_the_headline_and_the_warnings(run):
    stream = io.StringIO()
    print_summary(student_view(run), stream)
    text = stream.getvalue()
    assert "◐ Task 29" in text and "incomplete" in text
    assert "      code: all checks passed; written part: missing" in text
    assert "      ○ Written answer task29.answer" in text  # absent, not wrong
    assert "warning: answers.yaml, line 3: task29.d <b>" in text


def test_class_summary_counts_incomplete_and_parts(run):
    submission = Submission(id="s2", path=Path("."))
    blocked = CheckResult("task29", "test_s", "s", "not_judged", 0.0, 1.0, "hidden", "Could not judge.",
                          blocked_by="test_b")
    other = score_run(submission, [score_task(TASK, [code("a"), code("b", "failed", feedback="Wrong."), blocked,
                                                     written("answer")], submission)])
    view = summary_view([run, other], catalog=type("C", (), {"tasks": (TASK,)})())
    row = view["tasks"][0]
    assert row["status_counts"]["incomplete"] == 1 and row["status_counts"]["failed"] == 1
    assert row["parts"] == [{"part": "code", "counts": {"passed": 1, "failed": 1}},
                            {"part": "written", "counts": {"missing": 1, "pending_review": 1}}]
    names = {check["name"]: check for check in row["checks"]}
    assert names["s"]["not_judged"] == 1 and names["s"]["rate"] is None and names["a"]["rate"] == 100
    html = render("summary.html.j2", view)
    assert "not judged in 1" in html and "incomplete" in html and "awaiting review 1" in html
