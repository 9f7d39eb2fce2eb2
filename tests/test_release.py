"""``grader release``: student reports after the deadline at the course's reveal level.

Checked on a real graded run (task 13 with whole batches shuffled, a hidden check's fault):
each level shows what it promises and no more, a student whose own due date is ahead keeps
the points-only report, and the leak check that guards released reports can fail.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import FAULTS, make_submission, task_of
from markupsafe import escape
from test_contract import assert_release_names_it_and_leaks_nothing, released_secrets  # noqa: F401

from grader.commands.main import main
from grader.outputs.files import staff_report, student_report, write_submission_outputs
from grader.outputs.views import student_view

FAULT = FAULTS / "task13" / "quiz_shuffle_after_batch"
FAILED = "test_elements_shuffled_before_batching"
COURSE = """\
[assignment]
due = {due}
timezone = "Europe/Berlin"

[extensions]
late-student = {extension}

[release]
reveal = "names"
"""


@pytest.fixture(scope="module")
def faulty_run(grader, tmp_path_factory):
    return grader.grade(make_submission(tmp_path_factory.mktemp("fault"), FAULT), tasks=("task13",))


def hidden_checks(run):
    return [check for check in task_of(run, "task13").checks if check.visibility == "hidden"]


def test_points_level_shows_no_hidden_name_or_feedback(faulty_run):
    report = student_report(faulty_run)
    for check in hidden_checks(faulty_run):
        assert escape(check.name) not in report
        assert not check.feedback or escape(check.feedback) not in report
    assert "Hidden checks (" in report


def test_names_level_shows_names_and_points_but_no_feedback(faulty_run):
    view = student_view(faulty_run, "names")
    shown = {check["name"]: check for check in view["tasks"][0]["checks"]}
    for check in hidden_checks(faulty_run):
        assert shown[check.name]["points"] == check.points and shown[check.name]["feedback"] == ""
    report = student_report(faulty_run, "names")
    assert "(hidden check)" in report and "Hidden checks (" not in report


def test_feedback_level_shows_the_authors_feedback_and_never_details(faulty_run, released_secrets):
    failed = next(check for check in hidden_checks(faulty_run) if check.id == FAILED)
    assert failed.status == "failed" and failed.details  # pytest's account exists, staff only
    view = student_view(faulty_run, "feedback")
    assert all("details" not in check for task in view["tasks"] for check in task["checks"])
    report = student_report(faulty_run, "feedback")
    assert escape(failed.feedback) in report and "shuffle before batch" in report
    assert escape(failed.details.splitlines()[0]) not in report
    fault = {"expect": [{"check": FAILED}]}
    checks = {check.id: check for check in task_of(faulty_run, "task13").checks}
    assert_release_names_it_and_leaks_nothing(faulty_run, checks, fault, released_secrets)


def test_the_leak_check_catches_a_report_with_details(faulty_run, released_secrets):
    """The staff report quotes hidden test code: the check that guards releases must say so."""
    report = staff_report(faulty_run)
    assert [line for line in released_secrets if line in report or escape(line) in report]


def test_an_unknown_level_is_refused(faulty_run):
    with pytest.raises(ValueError, match="points, names, feedback"):
        student_view(faulty_run, "everything")


def batch_output(tmp_path: Path, run, due: dt.datetime, extension: str) -> Path:
    out = tmp_path / "out"
    for name in ("on-time", "late-student"):
        write_submission_outputs(dataclasses.replace(run, submission=name), out / "submissions" / name)
    (out / "course.toml").write_text(COURSE.format(due=due.replace(tzinfo=None).isoformat(timespec="seconds"),
                                                   extension=extension))
    return out


def test_release_rewrites_reports_whose_due_date_passed_and_holds_the_others(faulty_run, tmp_path, capsys):
    due = dt.datetime.now() - dt.timedelta(days=1)
    out = batch_output(tmp_path, faulty_run, due, extension="30")  # 30 more days for one student
    before = (out / "submissions" / "late-student" / "report.html").read_text()
    assert main(["release", str(out), "--reveal", "feedback"]) == 0
    printed = capsys.readouterr().out
    assert "Released 1 report(s)" in printed and "Held back: late-student" in printed
    released = (out / "submissions" / "on-time" / "report.html").read_text()
    assert "shuffle before batch" in released and "released after the deadline" in released
    assert (out / "submissions" / "late-student" / "report.html").read_text() == before


def test_release_takes_the_level_from_course_toml(faulty_run, tmp_path, capsys):
    out = batch_output(tmp_path, faulty_run, dt.datetime.now() - dt.timedelta(days=1), extension="0")
    assert main(["release", str(out)]) == 0
    assert "Released 2 report(s) with hidden checks shown as names" in capsys.readouterr().out
    report = (out / "submissions" / "on-time" / "report.html").read_text()
    failed = next(check for check in hidden_checks(faulty_run) if check.id == FAILED)
    assert "(hidden check)" in report and escape(failed.name) in report and escape(failed.feedback) not in report


def test_a_bad_reveal_level_in_course_toml_names_file_and_key(faulty_run, tmp_path, capsys):
    out = batch_output(tmp_path, faulty_run, dt.datetime.now(), extension="0")
    (out / "course.toml").write_text('[release]\nreveal = "tests"\n')
    assert main(["release", str(out)]) == 2
    error = capsys.readouterr().err
    assert "course.toml" in error and "release.reveal" in error


def test_a_results_file_naming_a_folder_elsewhere_is_not_followed(faulty_run, tmp_path, capsys):
    out = batch_output(tmp_path, faulty_run, dt.datetime.now() - dt.timedelta(days=1), extension="0")
    results = out / "submissions" / "on-time" / "results.json"
    results.write_text(results.read_text().replace('"submission": "on-time"', '"submission": "../../escaped"'))
    assert main(["release", str(out)]) == 2
    assert "not released" in capsys.readouterr().err and not (tmp_path / "escaped").exists()
    assert (out / "submissions" / "late-student" / "report.html").read_text().count("(hidden check)")
