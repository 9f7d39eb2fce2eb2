"""The roster, course.toml, submission times and the late policy, each on its own."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from conftest import run_grader

from grader.course.late import lateness
from grader.course.roster import RosterError, load_roster
from grader.course.settings import CourseError, load_course
from grader.course.submitted import SubmissionTime, submission_time

UTC = dt.timezone.utc
DUE = dt.datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, message", [
    ("name,email\nAda,a@x\n", r"roster.csv, row 1: the header must name id, name \(missing: id\)"),
    ("id,name\ns1,Ada\n,Bob\n", "roster.csv, row 3: no id"),
    ("id,name,email\ns1,Ada,a@x\ns2,Bob,A@X\n", "roster.csv, row 3: email 'A@X' is already used at roster.csv, row 2"),
    ("id,name\ns1,Ada,extra\n", "roster.csv, row 2: 3 cells but the header names 2 columns"),
    ("id,name,grace_days_used\ns1,Ada,lots\n", "roster.csv, row 2: grace_days_used 'lots' is not a number"),
    ("id,name\n", "no students"),
])
def test_a_bad_roster_row_is_named(tmp_path, text, message):
    with pytest.raises(RosterError, match=message):
        load_roster(write(tmp_path, "roster.csv", text))


def test_submissions_match_by_folder_id_github_email_then_classroom_name(tmp_path):
    roster = load_roster(write(tmp_path, "roster.csv", "Student ID,Name,Email,GitHub,Submission\n"
                               "s1,Ada,ada@x,ada-l,ada_hw3.zip\ns2,Bob,bob@x,bob,\ns3,Cy,cy@x,cyb,\n"
                               "s4,Di,di@x,di,\n"))
    matching = roster.match(["ada_hw3.zip", "S2", "hw3-cyb", "di@x", "hw3-di", "who"])
    assert matching.by_student == {"s1": "ada_hw3.zip", "s2": "S2", "s3": "hw3-cyb", "s4": "di@x"}
    assert matching.unmatched == {"hw3-di": "s4 already has a submission (di@x)",
                                  "who": "matches no student of the roster"}


def test_a_classroom_name_two_students_end_it_is_flagged_not_guessed(tmp_path):
    roster = load_roster(write(tmp_path, "roster.csv", "id,name,github\ns1,Ann,ann\ns2,Jo,jo-ann\n"))
    assert roster.match(["hw-jo-ann"]).unmatched == {"hw-jo-ann": "matches several students (s1, s2)"}


@pytest.mark.parametrize("text, message", [
    ("[assignment]\ndue = 2026-11-20T23:59:00\ntimezone = 'Mars/Olympus'\n", "assignment.timezone 'Mars/Olympus' is not"),
    ("[late]\npolicy = 'penalty'\n", 'late.penalty_per_day is needed with policy = "penalty"'),
    ("[late]\npolicy = 'penalty'\npenalty_per_day = 150\n", "late.penalty_per_day must be between 0 and 100"),
    ("[assignment]\ndue = 'friday'\n", "assignment.due must be a TOML date-time"),
    ("[extensions]\ns1 = 'soon'\n", "extensions.s1 must be a TOML date-time"),
    ("[release]\nreveal = 'tests'\n", "release.reveal must be one of points, names, feedback"),
    ("[gradescope]\ngraded_per_window = 0\n", "gradescope.graded_per_window must be at least 1"),
    ("[deadline]\n", "deadline is not a section"),
    ("[late]\npolicy = 'penalty'\npenalty = 3\n", "late.penalty is not a known key"),
    ("[late\n", "not valid TOML .*line 1"),
])
def test_a_bad_course_file_names_the_key(tmp_path, text, message):
    with pytest.raises(CourseError, match=message):
        load_course(write(tmp_path, "course.toml", text))


def course(tmp_path: Path, late: str) -> object:
    return load_course(write(tmp_path, "course.toml", f"[assignment]\ndue = 2026-11-20T12:00:00Z\n[late]\n{late}\n"))


def at(hours: float) -> SubmissionTime:
    return SubmissionTime(DUE + dt.timedelta(hours=hours), "test")


def test_penalty_counts_started_days_and_stops_at_the_cap(tmp_path):
    settings = course(tmp_path, "policy = 'penalty'\npenalty_per_day = 15\nmax_penalty = 40")
    assert [lateness(settings, "s", None, at(hours)).penalty_percent for hours in (0, 0.1, 24, 24.1, 200)] \
        == [0, 15, 15, 30, 40]
    assert lateness(settings, "s", None, at(30)).penalty(8) == 2.4


def test_grace_days_cover_late_days_first_then_no_credit(tmp_path):
    settings = course(tmp_path, "policy = 'grace_days'\ngrace_days = 3")
    roster = load_roster(write(tmp_path, "roster.csv", "id,name,grace_days_used\nfresh,A,0\nspent,B,2\n"))
    fresh = lateness(settings, "fresh", roster.get("fresh"), at(47))
    spent = lateness(settings, "spent", roster.get("spent"), at(47))
    assert (fresh.grace_days_used, fresh.grace_days_left, fresh.penalty_percent) == (2, 1, 0)
    assert (spent.grace_days_used, spent.grace_days_left, spent.penalty_percent) == (1, 0, 100)


def test_no_time_no_penalty_and_it_says_so(tmp_path):
    settings = course(tmp_path, "policy = 'penalty'\npenalty_per_day = 10")
    late = lateness(settings, "s", None, SubmissionTime(None, "unknown"))
    assert late.penalty_percent == 0 and "unknown" in late.note


def test_a_classroom_repository_is_timed_by_its_last_commit_not_its_files(tmp_path):
    from dulwich import porcelain

    repository = tmp_path / "hw3-ada"
    porcelain.init(str(repository))
    (repository / "answers.yaml").write_text("task38: {}\n")
    porcelain.add(str(repository), [str(repository / "answers.yaml")])
    porcelain.commit(str(repository), message=b"done", author=b"Ada <a@x>", committer=b"Ada <a@x>",
                     commit_timestamp=DUE.timestamp() - 60, commit_timezone=3600)
    time = submission_time(repository)
    assert time.at == DUE - dt.timedelta(minutes=1) and time.source.startswith("last commit")


def test_a_repository_with_a_link_inside_git_falls_back_to_file_times(tmp_path):
    from dulwich import porcelain

    repository = tmp_path / "hw3-eve"
    porcelain.init(str(repository))
    (repository / "answers.yaml").write_text("task38: {}\n")
    (repository / ".git" / "packed-refs").symlink_to("/dev/zero")  # reading it would never end
    assert submission_time(repository).source == "newest file's time"


def test_a_gradescope_folder_is_timed_by_gradescope_and_graded_from_its_submission(tmp_path):
    folder = tmp_path / "class" / "submission_123"
    (folder / "submission").mkdir(parents=True)
    (folder / "submission" / "answers.yaml").write_text(
        "task38:\n  conv_output_shape: [32, 1918, 1078, 32]\n  pooled_output_shape: [32, 32]\n")
    (folder / "submission_metadata.json").write_text(json.dumps({"created_at": "2026-11-20T13:30:00.5-07:00"}))
    time = submission_time(folder)
    assert time.at == dt.datetime(2026, 11, 20, 20, 30, 0, 500000, tzinfo=UTC) and time.source.startswith("Gradescope")
    done = run_grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--tasks", "task38")
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "out" / "submissions" / "submission_123" / "results.json").read_text())["score"] == 4


def test_a_bad_roster_stops_the_batch_before_grading(tmp_path):
    (tmp_path / "class" / "a").mkdir(parents=True)
    roster = write(tmp_path, "roster.csv", "id,name,extension\ns1,Ada,next week\n")
    settings = write(tmp_path, "course.toml", "[assignment]\ndue = 2026-11-20T12:00:00Z\n")
    done = run_grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--tasks", "task38",
                      "--roster", str(roster), "--course", str(settings))
    assert done.returncode == 2 and "roster.csv, row 2: extension 'next week' is neither" in done.stderr
    assert not (tmp_path / "out" / "submissions").exists()


def test_file_times_ignore_links(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "answers.yaml").write_text("x")
    os.utime(folder / "answers.yaml", (1_000_000, 1_000_000))
    (folder / "link").symlink_to("/etc/hostname")
    os.utime(folder / "link", (2_000_000_000, 2_000_000_000), follow_symlinks=False)
    assert submission_time(folder).at.timestamp() == 2_000_000_000  # the link's own time, its target unread
