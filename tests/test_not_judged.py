"""A check not judged costs nothing while its blocker failed, and earns nothing otherwise;
every output shows it as what it is (no worker needed)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from grader.checks.scoring import rescore_task, score_run, score_task
from grader.domain import CheckResult, Submission, TaskSpec
from grader.outputs.classroom import classroom_payload
from grader.outputs.gradescope import gradescope_results
from grader.outputs.html import render
from grader.outputs.junit import junit_xml
from grader.outputs.views import staff_view, student_view

TASK = TaskSpec(id="task42", quiz_task=42, title="Bottleneck", folder=Path("."), module="task42_bottleneck")
ROOT_CHECK = CheckResult("task42", "test_every_variable_trains", "every variable trains", "failed",
                         0.0, 3.0, "public", "the Keras 3 trap")
BLOCKED = CheckResult("task42", "test_shortcut_present", "shortcut", "not_judged", 0.0, 2.0, "hidden",
                      "could not be judged: the weights do not train", blocked_by=ROOT_CHECK.id)
PASSED = CheckResult("task42", "test_shape", "shape", "passed", 1.0, 1.0, "public")


def scored(*checks):
    submission = Submission(id="s1", path=Path("."))
    return score_task(TASK, list(checks), submission)


def test_not_judged_costs_nothing_while_its_blocker_failed():
    task = scored(ROOT_CHECK, BLOCKED, PASSED)
    assert (task.score, task.max_score, task.status) == (3.0, 6.0, "failed")
    assert task.reason == "the Keras 3 trap"
    assert [check.status for check in task.checks] == ["failed", "not_judged", "passed"]


def test_not_judged_earns_nothing_when_its_blocker_passed():
    task = scored(replace(ROOT_CHECK, status="passed", points=3.0), BLOCKED, PASSED)
    assert (task.score, task.status) == (4.0, "failed")
    assert task.checks[1].status == "failed" and task.checks[1].points == 0.0


def test_not_judged_naming_no_check_of_the_task_earns_nothing():
    task = scored(ROOT_CHECK, replace(BLOCKED, blocked_by="test_elsewhere"), PASSED)
    assert task.score == 1.0


def test_rescoring_is_stable():
    task = scored(ROOT_CHECK, BLOCKED, PASSED)
    again = rescore_task(task, list(task.checks))
    assert (again.score, again.checks) == (task.score, task.checks)


def test_every_output_shows_not_judged():
    submission = Submission(id="s1", path=Path("."))
    run = score_run(submission, [scored(ROOT_CHECK, replace(BLOCKED, visibility="public"), PASSED)])
    html = render("report.html.j2", student_view(run))
    assert "not judged" in html and "could not be judged" in html
    assert "not judged" in render("report.html.j2", staff_view(run))
    assert '<skipped message="could not be judged' in junit_xml(run)
    scope = {test["name"]: test for test in gradescope_results(run)["tests"]}
    assert scope["Task 42: shortcut"]["status"] == "passed" and scope["Task 42: shortcut"]["score"] == 2.0
    units = [test for test in classroom_payload(run)["tests"] if "shortcut" in test["name"]]
    assert [test["score"] for test in units] == [1, 1]
    json.dumps(student_view(run))  # plain data
