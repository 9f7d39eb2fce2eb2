"""Attacks on the course week (roster, submission times, gradebook, exports): what a
student controls (a repository's .git, their uploaded files, the names they chose) sets no
time it should not, reads nothing outside their submission, and stays text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tomllib
from pathlib import Path

from conftest import run_grader

from grader.course.submitted import submission_time

EARLY = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
FORMULA = '=HYPERLINK("http://evil.example","x")'


def repository(folder: Path) -> Path:
    from dulwich import porcelain

    porcelain.init(str(folder))
    (folder / "answers.yaml").write_text("task38: {}\n")
    porcelain.add(str(folder), [str(folder / "answers.yaml")])
    porcelain.commit(str(folder), message=b"x", author=b"A <a@x>", committer=b"A <a@x>",
                     commit_timestamp=EARLY.timestamp(), commit_timezone=0)
    return folder


def test_a_repository_pointing_elsewhere_is_not_read(tmp_path):
    """Attack: .git sends git to another repository, or holds a link or a fifo."""
    elsewhere = repository(tmp_path / "elsewhere")  # its commit is dated 2020: reading it would say so
    attacks = {
        "commondir": lambda git: (git / "commondir").write_text(str(elsewhere / ".git")),
        "alternates": lambda git: (git / "objects" / "info" / "alternates").write_text(str(elsewhere / ".git" / "objects")),
        "link": lambda git: (git / "description").unlink() or (git / "description").symlink_to("/etc/hostname"),
        "fifo": lambda git: os.mkfifo(git / "packed-refs"),
    }
    for name, plant in attacks.items():
        folder = repository(tmp_path / name)
        (folder / ".git" / "objects" / "info").mkdir(parents=True, exist_ok=True)
        plant(folder / ".git")
        time = submission_time(folder)
        assert time.source == "newest file's time" and time.at > EARLY, name
    pointer = tmp_path / "pointer"
    pointer.mkdir()
    (pointer / "answers.yaml").write_text("task38: {}\n")
    (pointer / ".git").write_text(f"gitdir: {elsewhere / '.git'}\n")
    assert submission_time(pointer).source == "newest file's time"


def test_a_students_own_metadata_file_sets_no_time(tmp_path):
    """Attack: the student's own submission_metadata.json, dated before the deadline."""
    forged = json.dumps({"created_at": EARLY.isoformat()})
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "submission_metadata.json").write_text(forged)
    (upload / "answers.yaml").write_text("task38: {}\n")
    assert submission_time(upload).source == "newest file's time" and submission_time(upload).at > EARLY
    platform = tmp_path / "platform"
    (platform / "submission").mkdir(parents=True)
    (platform / "submission" / "submission_metadata.json").write_text(forged)
    (platform / "submission_metadata.json").write_text(json.dumps({"created_at": "2026-11-20T10:00:00+00:00"}))
    assert submission_time(platform).at == dt.datetime(2026, 11, 20, 10, tzinfo=dt.timezone.utc)


def test_a_linked_metadata_file_is_not_followed(tmp_path):
    """Attack: submission_metadata.json beside submission/ is a link to a forged time, or a FIFO."""
    (tmp_path / "forged.json").write_text(json.dumps({"created_at": EARLY.isoformat()}))
    for kind in ("link", "fifo"):
        platform = tmp_path / kind
        (platform / "submission").mkdir(parents=True)
        (platform / "submission" / "answers.yaml").write_text("task38: {}\n")
        if kind == "link":
            (platform / "submission_metadata.json").symlink_to(tmp_path / "forged.json")
        else:
            os.mkfifo(platform / "submission_metadata.json")
        found = submission_time(platform)
        assert found.source != "Gradescope submission time" and (found.at is None or found.at > EARLY), kind


def test_a_students_own_metadata_does_not_lift_the_limit(tmp_path):
    """Attack: an uploaded submission_metadata.json without earlier submissions, past the limit."""
    created = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.timezone.utc)
    earlier = {"submission_time": (created - dt.timedelta(hours=2)).isoformat(), "score": "![x](http://evil.example/x)",
               "autograder_error": False, "results": {"score": 6.0, "output": "# <b>[home](http://evil.example)</b>",
                                                      "tests": [{"name": "Task 38", "score": 6.0, "max_score": 8.0,
                                                                 "output": "<script>", "output_format": "html"}]}}
    platform = {"created_at": created.isoformat(), "previous_submissions": [earlier]}
    upload = tmp_path / "submission"
    upload.mkdir()
    (upload / "answers.yaml").write_text("task38: {}\n")
    (upload / "submission_metadata.json").write_text(json.dumps({"created_at": created.isoformat(),
                                                                "previous_submissions": []}))
    (tmp_path / "submission_metadata.json").write_text(json.dumps(platform))
    (tmp_path / "course.toml").write_text("[gradescope]\ngraded_per_window = 1\n")
    done = run_grader("gradescope", "--submission", str(upload), "--results", str(tmp_path / "results.json"),
                      "--metadata", str(tmp_path / "submission_metadata.json"),
                      "--course", str(tmp_path / "course.toml"))
    assert done.returncode == 0, done.stderr
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["extra_data"]["tfgrader"]["graded"] is False and results["score"] == 6.0
    assert results["tests"] == [{"name": "Task 38", "score": 6.0, "max_score": 8.0, "output": "<script>",
                                 "output_format": "text", "visibility": "after_due_date"}]
    assert not any(mark in results["output"] for mark in ("<", "](", "http", "\n#", "!["))


def test_names_a_student_chose_stay_text_in_gradebook_exports_and_terminal(tmp_path):
    """Attack: enrolment names and folder names written as formulas, markup and escapes."""
    for name in (FORMULA, "\x1b[2Jwiped", "<b>bold</b>"):
        (tmp_path / "class" / name).mkdir(parents=True)
        (tmp_path / "class" / name / "answers.yaml").write_text("task38: {}\n")
    (tmp_path / "roster.csv").write_text(f'id,name,email,submission\ns1,"{FORMULA.replace(chr(34), 2 * chr(34))}",'
                                         f'+1@x,"{FORMULA.replace(chr(34), 2 * chr(34))}"\ns2,@SUM(A1),-2@x,\n')
    done = run_grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--tasks", "task38",
                      "--roster", str(tmp_path / "roster.csv"))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout + done.stderr
    sheets = [(tmp_path / "out" / "gradebook.csv").read_text()]
    for form in ("canvas", "moodle", "csv"):
        assert run_grader("export", str(tmp_path / "out"), "--format", form).returncode == 0
        sheets.append((tmp_path / "out" / f"export-{form}.csv").read_text())
    cells = [cell for text in sheets for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert f"'{FORMULA}" in cells and "'@SUM(A1)" in cells


def test_every_course_fixture_names_an_attack_tested_here():
    fixtures = [tomllib.loads(path.read_text(encoding="utf-8"))
                for path in sorted((Path(__file__).parent / "redteam").glob("*/attack.toml"))]
    named = {attack["test"] for attack in fixtures if attack.get("kind") == "course"}
    tests = {name for name in globals() if name.startswith("test_") and "fixture" not in name}
    assert named == tests and len(named) == 5
