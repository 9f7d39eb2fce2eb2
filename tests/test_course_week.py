"""A teaching assistant's week, end to end: a class of 30 generated submissions with a
roster, a due date, two extensions and three late submissions, graded by ``grader batch
--roster --course`` and exported for Canvas, Moodle and as a plain sheet; every row and
penalty is checked against values computed by hand below.

Task 38 (two structured answers, 2 points each) keeps the class fast: no model is built.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from conftest import run_grader

BERLIN = dt.timezone(dt.timedelta(hours=1))  # November: CET
DUE = dt.datetime(2026, 11, 20, 23, 59, tzinfo=BERLIN)
RIGHT = {"conv_output_shape": [32, 1918, 1078, 32], "pooled_output_shape": [32, 32]}
HALF = {**RIGHT, "pooled_output_shape": [32, 1918]}
COURSE = """\
[assignment]
name = "Homework 3"
due = 2026-11-20T23:59:00
timezone = "Europe/Berlin"

[late]
policy = "penalty"
penalty_per_day = 10
max_penalty = 50
leeway_minutes = 5

[extensions]
s05 = 2
"""
# student id -> (answers, submitted at); s06's extension is in the roster
SUBMISSIONS = {
    "s03": (RIGHT, DUE + dt.timedelta(hours=36)),      # 2 started days late: 20 % of 4
    "s04": (HALF, DUE + dt.timedelta(days=4, hours=1)),  # 5 days: 50 % (the cap) of 2
    "s05": (RIGHT, DUE + dt.timedelta(days=1)),        # within its 2-day extension
    "s06": (RIGHT, dt.datetime(2026, 11, 25, 15, 0, tzinfo=BERLIN)),  # 3 h past its own date: 10 %
    "s07": (RIGHT, DUE + dt.timedelta(minutes=3)),     # inside the leeway: on time
    "s08": (HALF, DUE - dt.timedelta(days=2)),
}
EXPECTED = {  # student id -> (raw, penalty, final, days late), computed by hand from the rules above
    "s03": (4, 0.4 * 2, 3.2, 2), "s04": (2, 1, 1, 5), "s05": (4, 0, 4, 0), "s06": (4, 0.4, 3.6, 1),
    "s07": (4, 0, 4, 0), "s08": (2, 0, 2, 0),
}
ABSENT = ("s30", "s31")


def submit(folder: Path, answers: dict, at: dt.datetime) -> None:
    folder.mkdir(parents=True)
    (folder / "answers.yaml").write_text("task38:\n" + "".join(f"  {key}: {value}\n" for key, value in answers.items()))
    os.utime(folder / "answers.yaml", (at.timestamp(), at.timestamp()))


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    root = tmp_path_factory.mktemp("week")
    roster = ["id,name,email,github,section,canvas_id,login,username,extension"]
    for number in range(1, 32):
        sid = f"s{number:02d}"
        extension = "2026-11-25T12:00" if sid == "s06" else ""
        roster.append(f"{sid},Student {number},{sid}@uni.example,gh-{sid},A{number % 2},{1000 + number},"
                      f"login{number},user{number},{extension}")
        if sid in ABSENT:
            continue
        answers, at = SUBMISSIONS.get(sid, (RIGHT, DUE - dt.timedelta(hours=number)))
        submit(root / "class" / f"homework3-gh-{sid}", answers, at)  # Classroom's repository names
    submit(root / "class" / "stranger", RIGHT, DUE)  # the 30th submission: nobody on the roster
    (root / "roster.csv").write_text("\n".join(roster) + "\n")
    (root / "course.toml").write_text(COURSE)
    out = root / "out"
    done = run_grader("batch", str(root / "class"), "--out", str(out), "--tasks", "task38", "--jobs", "1",
                      "--roster", str(root / "roster.csv"), "--course", str(root / "course.toml"))
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return {"out": out, "stdout": done.stdout}


def sheet(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_class_has_thirty_submissions_and_the_roster_names_who_is_missing(week):
    assert len(list((week["out"] / "submissions").iterdir())) == 30
    assert "Roster: 29 of 31 students submitted; no submission: s30, s31" in week["stdout"]
    assert "matching no student (see gradebook.csv): stranger" in week["stdout"]


def test_gradebook_rows_show_raw_penalty_and_final_apart(week):
    rows = {row["student_id"] or row["submission"]: row for row in sheet((week["out"] / "gradebook.csv").read_text())}
    assert len(rows) == 32
    for sid, (raw, penalty, final, days) in EXPECTED.items():
        row = rows[sid]
        assert (float(row["score"]), float(row["late_penalty"]), float(row["final_score"]), int(row["days_late"])) \
            == pytest.approx((raw, penalty, final, days)), sid
        assert row["time_source"] == "newest file's time" and row["submission"] == f"homework3-gh-{sid}"
    assert rows["s05"]["due"] == "2026-11-22T23:59:00+01:00" and rows["s06"]["due"] == "2026-11-25T12:00:00+01:00"
    assert rows["s03"]["status"] == "graded; 2 day(s) late" and rows["s01"]["status"] == "graded"
    assert [rows[sid]["status"] for sid in ABSENT] == ["no submission", "no submission"]
    assert rows["stranger"]["status"] == "unmatched: matches no student of the roster"
    late = [sid for sid, row in rows.items() if row.get("days_late") not in ("", "0")]
    assert sorted(late) == ["s03", "s04", "s06"]


def test_canvas_export_has_the_documented_header_and_hand_computed_grades(week):
    done = run_grader("export", str(week["out"]), "--format", "canvas")
    assert done.returncode == 0, done.stderr
    assert "stranger: unmatched: matches no student of the roster; not exported" in done.stderr
    reader = list(csv.reader(io.StringIO((week["out"] / "export-canvas.csv").read_text())))
    assert reader[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Homework 3"]
    assert reader[1] == ["Points Possible", "", "", "", "", "4"]
    rows = {row[2]: row for row in reader[2:]}
    assert len(rows) == 31 and rows["s03"] == ["Student 3", "1003", "s03", "login3", "A1", "3.2"]
    for sid, (_, _, final, _) in EXPECTED.items():
        assert float(rows[sid][5]) == pytest.approx(final), sid
    assert float(rows["s01"][5]) == 4 and [rows[sid][5] for sid in ABSENT] == ["", ""]


def test_moodle_and_plain_exports_are_keyed_by_email_and_id(week, tmp_path):
    assert run_grader("export", str(week["out"]), "--format", "moodle", "--to", str(tmp_path / "m.csv")).returncode == 0
    rows = {row["Email address"]: row for row in sheet((tmp_path / "m.csv").read_text())}
    assert list(next(iter(rows.values()))) == ["Email address", "Username", "ID number", "Homework 3", "Feedback"]
    assert rows["s04@uni.example"]["Homework 3"] == "1" and rows["s04@uni.example"]["Username"] == "user4"
    assert "Late by 5 day(s): 1 points off" in rows["s04@uni.example"]["Feedback"]
    assert run_grader("export", str(week["out"]), "--format", "csv", "--to", str(tmp_path / "p.csv")).returncode == 0
    plain = {row["student_id"] or row["submission"]: row for row in sheet((tmp_path / "p.csv").read_text())}
    assert plain["s06"]["final_score"] == "3.6" and plain["stranger"]["status"].startswith("unmatched")


def test_a_rerun_keeps_roster_and_course_and_merge_carries_them(week, tmp_path):
    assert json.loads((week["out"] / "submissions" / "homework3-gh-s03" / "submitted.json").read_text())["source"] \
        == "newest file's time"
    merged = run_grader("merge", str(tmp_path / "merged"), str(week["out"]))
    assert merged.returncode == 0, merged.stderr
    assert (tmp_path / "merged" / "gradebook.csv").read_text() == (week["out"] / "gradebook.csv").read_text()
