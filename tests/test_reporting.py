"""Scoring, visibility and rendering, on hand-made results (no worker needed)."""

from __future__ import annotations

from pathlib import Path

from grader.checks.scoring import score_run, score_task, task_status
from grader.domain import CheckResult, Submission, TaskSpec
from grader.outputs.html import render
from grader.outputs.views import staff_view, student_view

TASK = TaskSpec(id="task29", quiz_task=29, title="CNNs", folder=Path("."), module="task29_cnn")


def check(name, status, visibility="public", points=1.0, feedback="", missing=False):
    earned = points if status == "passed" else 0.0
    return CheckResult("task29", f"test_{name}", name, status, earned, points, visibility,
                       feedback, details="assert 9098 == 8000", missing=missing)


def run_of(*checks):
    submission = Submission(id="student<1>", path=Path("."))
    return score_run(submission, [score_task(TASK, list(checks), submission)])


def test_status_precedence():
    missing = check("a", "failed", missing=True)
    assert task_status([missing], []) == "missing"
    assert task_status([check("a", "error"), check("b", "failed")], []) == "error"
    assert task_status([check("a", "passed"), check("b", "failed")], []) == "failed"
    assert task_status([check("a", "passed")], [check("c", "pending_review")]) == "pending_review"
    assert task_status([check("a", "passed")], []) == "passed"


def test_scores_add_up_and_pending_points_are_apart():
    run = run_of(check("a", "passed", points=2), check("b", "failed", points=3),
                 check("c", "pending_review", points=4))
    assert (run.score, run.max_score, run.pending_max_score) == (2, 5, 4)


def test_hidden_feedback_never_becomes_the_reason():
    run = run_of(check("a", "passed"), check("secret", "failed", "hidden", feedback="expected 9098"))
    assert run.tasks[0].reason == "Some hidden checks did not pass."


def test_student_view_receives_no_hidden_check_at_all():
    run = run_of(check("visible", "failed", feedback="public hint"),
                 check("SECRET_NAME", "failed", "hidden", points=3, feedback="expected 9098"))
    view = student_view(run)
    text = repr(view)
    assert "SECRET_NAME" not in text and "9098" not in text and "assert" not in text
    assert view["tasks"][0]["hidden"] == {"count": 1, "points": 0.0, "max_points": 3.0}
    html = render("report.html.j2", view)
    assert "SECRET_NAME" not in html and "Hidden checks (1)" in html and "public hint" in html
    staff = render("report.html.j2", staff_view(run))
    assert "SECRET_NAME" in staff and "expected 9098" in staff


def test_student_text_is_escaped_in_html():
    run = run_of(check("x", "failed", feedback='<script>alert(1)</script><img src=x onerror="alert(2)">'))
    html = render("report.html.j2", student_view(run))
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "student&lt;1&gt;" in html
