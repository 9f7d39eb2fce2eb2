"""Gradescope's resubmission limit: which earlier submissions count, what a refused one shows.

Metadata files are shaped as Gradescope documents submission_metadata.json
(https://gradescope-autograders.readthedocs.io/en/latest/submission_metadata/).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import REFERENCE, ROOT, run_grader

from grader.course import limit as limit_module
from grader.course.limit import decide, display_zone, graded_previous, read_metadata, readable, ungraded_results
from grader.course.settings import SubmissionLimit

PACIFIC = dt.timezone(dt.timedelta(hours=-7))
CREATED = dt.datetime(2018, 7, 1, 14, 22, 32, 365935, tzinfo=PACIFIC)
THREE_A_DAY = SubmissionLimit(graded_per_window=3, window_hours=24)


def previous(hours_before: float, score: float | str, *, error: bool = False, ours: bool | None = None,
             tests: list | None = None) -> dict:
    """One entry of previous_submissions, ``hours_before`` this submission."""
    results = {"score": score, "execution_time": 40, "output": "Auto-graded", "tests": tests if tests is not None else [
                   {"name": "Task 13: pipeline", "number": "13.1", "score": score, "max_score": 20.0,
                    "status": "failed", "output": "shape (32, 28)", "output_format": "text",
                    "tags": ["task13"], "visibility": "visible"}]}
    if ours is not None:
        results["extra_data"] = {"tfgrader": {"graded": ours}}
    return {"submission_time": (CREATED - dt.timedelta(hours=hours_before)).isoformat(),
            "score": score, "autograder_error": error, "results": results}


def metadata(*previous_submissions) -> dict:
    return {
        "id": 123456,
        "created_at": CREATED.isoformat(),
        "assignment": {"due_date": "2018-07-31T23:00:00.000000-07:00", "group_size": None,
                       "group_submission": False, "id": 25828, "course_id": 6523,
                       "late_due_date": None, "release_date": "2018-07-02T00:00:00.000000-07:00",
                       "title": "Homework 3", "total_points": "20.0"},
        "submission_method": "upload",
        "users": [{"email": "student@example.com", "id": 1234, "name": "Student User"}],
        "previous_submissions": list(previous_submissions),
    }


# Earlier today: one outside the window, two graded inside, an autograder error, one we refused.
DAY = [previous(30, 20.0), previous(20, 9.0, ours=True), previous(10, 11.0, error=True),
       previous(5, 12.0), previous(1, 12.0, ours=False)]


def test_only_graded_submissions_inside_the_window_count():
    decision = decide(metadata(*DAY), THREE_A_DAY)
    assert decision.graded
    assert decision.counted == (CREATED - dt.timedelta(hours=20), CREATED - dt.timedelta(hours=5))
    assert decision.kept.score == 12.0 and decision.kept.at == CREATED - dt.timedelta(hours=5)


def test_at_the_limit_the_last_graded_score_is_kept_until_the_oldest_leaves_the_window():
    decision = decide(metadata(*DAY), SubmissionLimit(2, 24))
    assert not decision.graded
    assert decision.next_graded == CREATED + dt.timedelta(hours=4)  # 20 hours ago + 24 hours
    results = ungraded_results(decision, display_zone(metadata(*DAY), CREATED))
    assert results["score"] == 12.0  # the graded one 5 hours ago, not the refused one an hour ago
    assert [test["name"] for test in results["tests"]] == ["Task 13: pipeline"]
    assert results["tests"][0]["score"] == 12.0 and results["tests"][0]["visibility"] == "visible"
    assert results["extra_data"]["tfgrader"]["graded"] is False
    assert "was not graded" in results["output"]
    assert "from your submission at Sunday 1 July 2018, 09:22 (UTC-07:00)" in results["output"]
    # 18:22:32.37 is rounded up: a submission at the minute said is graded
    assert "graded if you submit at or after Sunday 1 July 2018, 18:23 (UTC-07:00)" in results["output"]
    assert results["output_format"] == "md" and set(results) >= {"execution_time", "visibility", "tests"}


def test_a_refused_submission_does_not_count_and_the_window_is_hours_before_created_at():
    exactly = previous(24, 5.0)  # submitted exactly one window ago: it has left
    assert decide(metadata(exactly, previous(2, 6.0)), SubmissionLimit(2, 24)).graded
    refused = [previous(hours, 6.0, ours=False) for hours in (1, 2, 3)]
    assert decide(metadata(*refused, previous(4, 7.0)), SubmissionLimit(2, 24)).graded
    later = previous(-1, 8.0)  # after this one: not a previous submission at all
    assert decide(metadata(later, previous(4, 7.0)), SubmissionLimit(2, 24)).graded


def test_more_than_the_limit_already_graded_waits_for_enough_to_leave():
    """A limit lowered during the week: graded again once fewer than the limit remain (three leave)."""
    decision = decide(metadata(*(previous(hours, 1.0) for hours in (23, 12, 6, 2))), SubmissionLimit(2, 24))
    assert not decision.graded and decision.next_graded == CREATED + dt.timedelta(hours=18)  # 6 h ago + 24


def test_nothing_graded_before_shows_zero_and_no_tests():
    decision = decide(metadata(previous(1, 3.0, error=True)), SubmissionLimit(1, 24))
    assert decision.graded
    decision = decide(metadata(previous(1, 3.0)), SubmissionLimit(1, 0.5))
    assert decision.graded  # an hour ago is outside half an hour
    refused = decide(metadata(previous(0.25, 3.0, tests=[])), SubmissionLimit(1, 0.5))
    results = ungraded_results(refused, PACIFIC)
    assert results["score"] == 3.0 and results["tests"] == []


def test_times_are_shown_in_the_due_dates_offset():
    data = metadata(*DAY)
    data["created_at"] = CREATED.astimezone(dt.timezone.utc).isoformat()
    assert display_zone(data, CREATED.astimezone(dt.timezone.utc)) == PACIFIC
    data["assignment"]["due_date"] = None
    assert display_zone(data, CREATED.astimezone(dt.timezone.utc)) == dt.timezone.utc
    assert readable(CREATED, dt.timezone(dt.timedelta(hours=5, minutes=30))) == "Monday 2 July 2018, 02:52 (UTC+05:30)"


def test_no_metadata_or_no_limit_decides_nothing(tmp_path):
    assert read_metadata(tmp_path / "absent.json") is None
    assert decide(None, THREE_A_DAY) is None
    assert decide(metadata(*DAY), None) is None
    assert decide({"created_at": "2018-07-01T14:22:32"}, THREE_A_DAY) is None  # no offset: no time


def test_malformed_entries_are_skipped():
    broken = ["a string", 7, None, [], {}, {"submission_time": "yesterday"},
              {"submission_time": "2018-07-01T13:00:00"},  # no offset
              {"submission_time": 1530480000, "score": 1}, {"submission_time": "x" * 10_000},
              {**previous(3, 2.0), "results": ["not", "an", "object"]},
              {**previous(2, "not a number")}, {**previous(2.5, float("nan"))},
              {**previous(1.5, 4.0), "results": {"extra_data": "odd", "tests": [1, "two", {"name": 3}]}}]
    data = metadata(*broken)
    found = graded_previous(data)
    assert [p.score for p in found] == [2.0, 0.0, 0.0, 4.0]
    assert found[-1].tests == ({"visibility": "after_due_date"},)
    assert decide(data, SubmissionLimit(5, 24)).graded and not decide(data, SubmissionLimit(4, 24)).graded
    edges = metadata({"submission_time": "0001-01-01T00:00:00+00:00"}, {"submission_time": "9999-12-31T23:59:59+14:00"})
    assert decide(edges, SubmissionLimit(1, 24)).graded
    assert decide({"created_at": "0001-01-01T00:00:00+00:00"}, SubmissionLimit(1, 24)) is None
    for odd in ({"previous_submissions": "none", "created_at": CREATED.isoformat()},
                {"previous_submissions": {"a": 1}, "created_at": CREATED.isoformat()}):
        assert decide(odd, SubmissionLimit(1, 24)).graded


def test_copied_tests_keep_only_what_the_specification_names():
    hostile = {"name": "Task 1", "score": "1", "max_score": 2, "status": "<b>", "output": "# [x](http://e)",
               "output_format": "html", "visibility": "secret", "leaderboard": [1], "extra": {"a": 1}}
    kept = graded_previous(metadata(previous(1, 1.0, tests=[hostile])))[0].tests
    assert kept == ({"name": "Task 1", "output": "# [x](http://e)", "score": 1.0, "max_score": 2.0,
                     "output_format": "text", "visibility": "after_due_date"},)


def test_read_metadata_follows_no_link_reads_no_special_file_and_caps_the_size(tmp_path, monkeypatch):
    good = tmp_path / "metadata.json"
    good.write_text(json.dumps(metadata(*DAY)))
    assert read_metadata(good)["id"] == 123456
    (tmp_path / "link.json").symlink_to(good)
    assert read_metadata(tmp_path / "link.json") is None
    os.mkfifo(tmp_path / "fifo.json")
    assert read_metadata(tmp_path / "fifo.json") is None  # returns at once: no writer is awaited
    assert read_metadata(tmp_path) is None
    for name, text in (("list", "[1, 2]"), ("text", "not json"), ("deep", "[" * 200_000), ("bytes", None)):
        path = tmp_path / f"{name}.json"
        path.write_bytes(b"\xff\xfe{" if text is None else text.encode())
        assert read_metadata(path) is None, name
    monkeypatch.setattr(limit_module, "MAX_METADATA_BYTES", 100)
    assert read_metadata(good) is None


def test_the_output_quotes_nothing_from_earlier_results():
    hostile = previous(1, "![x](http://evil.example/x.png)")
    hostile["results"]["score"] = "<img src=x onerror=alert(1)>"
    results = ungraded_results(decide(metadata(hostile), SubmissionLimit(1, 24)), PACIFIC)
    assert results["score"] == 0.0
    assert not any(mark in results["output"] for mark in ("](", "<", "http", "\n#"))


# --- the command, end to end ---------------------------------------------------------------

def course(folder: Path, text: str = "[gradescope]\ngraded_per_window = 2\nwindow_hours = 24\n") -> Path:
    (folder / "course.toml").write_text(text)
    return folder / "course.toml"


def gradescope(tmp_path: Path, data: dict | None, course_path: Path, *more: str):
    meta = tmp_path / "submission_metadata.json"
    if data is not None:
        meta.write_text(json.dumps(data))
    done = run_grader("gradescope", "--submission", str(REFERENCE), "--results", str(tmp_path / "results.json"),
                      "--metadata", str(meta), "--course", str(course_path), *more)
    results = tmp_path / "results.json"
    return done, json.loads(results.read_text()) if results.exists() else None


def test_the_command_at_the_limit_runs_nothing_and_keeps_the_score(tmp_path):
    done, results = gradescope(tmp_path, metadata(*DAY), course(tmp_path))
    assert done.returncode == 0, done.stderr
    assert results["score"] == 12.0 and results["tests"][0]["name"] == "Task 13: pipeline"
    assert results["extra_data"] == {"tfgrader": {"graded": False, "score_from": "2018-07-01T09:22:32.365935-07:00",
                                                  "next_graded_at": "2018-07-01T18:22:32.365935-07:00"}}
    assert "Sunday 1 July 2018, 18:23 (UTC-07:00)" in results["output"]
    assert "not graded" in done.stdout


@pytest.fixture
def one_task_catalog(tmp_path) -> Path:
    """Task 38 alone (answers only): a graded run in a second."""
    catalog = tmp_path / "catalog"
    shutil.copytree(next((ROOT / "tasks").glob("task38_*")), catalog / "task38")
    return catalog


def test_the_command_under_the_limit_grades_and_marks_the_results(tmp_path, one_task_catalog):
    done, results = gradescope(tmp_path, metadata(*DAY), course(tmp_path, "[gradescope]\ngraded_per_window = 3\n"),
                               "--catalog", str(one_task_catalog))
    assert done.returncode == 0, done.stderr
    assert results["extra_data"] == {"tfgrader": {"graded": True}} and results["score"] == 4.0
    assert "graded submission 3 of the 3 graded in any 24 hours" in results["output"]


def test_the_command_without_metadata_or_course_grades(tmp_path, one_task_catalog):
    done, results = gradescope(tmp_path, None, course(tmp_path), "--catalog", str(one_task_catalog))
    assert done.returncode == 0 and results["extra_data"]["tfgrader"]["graded"] is True
    done, results = gradescope(tmp_path, metadata(*DAY), tmp_path / "absent.toml", "--catalog", str(one_task_catalog))
    assert done.returncode == 0 and results["extra_data"]["tfgrader"]["graded"] is True
    (tmp_path / "submission_metadata.json").write_text("{not json")
    done, results = gradescope(tmp_path, None, course(tmp_path), "--catalog", str(one_task_catalog))
    assert done.returncode == 0 and results["score"] == 4.0 and "no resubmission limit" in done.stderr


def test_a_bad_course_file_names_the_file_and_key(tmp_path):
    bad = course(tmp_path, "[gradescope]\ngraded_per_window = 0\n")
    done, results = gradescope(tmp_path, metadata(*DAY), bad)
    assert done.returncode == 2 and results is None
    assert str(bad) in done.stderr and "gradescope.graded_per_window" in done.stderr
