"""A class with hostile and broken repositories beside honest ones, graded as one batch.

Nothing of one submission may reach another (a link to a classmate's folder or answers
scores nothing and shows nothing), and one unreadable repository costs that repository
only: every other submission is graded, and the broken one gets a results.json that
says why. Fixtures: ``tests/redteam/<name>/attack.toml`` with ``kind = "batch"``.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REFERENCE, make_submission, run_grader
from test_redteam import REDTEAM

TASKS = "task29,task39"
ALICE_MARKER = "ALICE-OWN-WORDS-3c9e: a receptive field grows with every layer"
ODD_NAME = os.fsdecode(b"stud\xffent")


def grader(*args: str) -> subprocess.CompletedProcess:
    return run_grader(*args, "--tasks", TASKS, "--timeout-scale", "0.3")


def build_alice(folder: Path) -> None:
    shutil.copytree(REFERENCE, folder)
    answers = (folder / "answers.yaml").read_text()
    (folder / "answers.yaml").write_text(answers + f"\n# {ALICE_MARKER}\n")
    (folder / "notes.py").write_text(f'"""{ALICE_MARKER}"""\n')


def build_class(root: Path, tmp_path: Path) -> None:
    """alice and bob honest; mallory and eve link to alice; weird, an odd name and two
    broken entries beside them."""
    root.mkdir()
    build_alice(root / "alice")
    shutil.copytree(REFERENCE, root / "bob")
    (root / "mallory").mkdir()
    (root / "mallory" / "homework").symlink_to("../alice", target_is_directory=True)
    eve = make_submission(tmp_path / "eve", REDTEAM / "link_classmate")
    shutil.move(eve, root / "eve")
    (root / "eve" / "answers.yaml").unlink()
    for name, target in (("answers.yaml", "../alice/answers.yaml"), ("notes.py", "../alice/notes.py")):
        (root / "eve" / name).symlink_to(target)
    shutil.copytree(REFERENCE, root / "weird")
    (root / "weird" / os.fsdecode(b"\xff\xfe.py")).write_text("x = 1\n")
    (root / "weird" / "task39_receptive_field.py").unlink()
    (root / "weird" / "task39_receptive_field.py").symlink_to("/proc/self/mem")
    os.mkfifo(root / "weird" / "homework.ipynb")
    (root / "weird" / "locked").mkdir(mode=0)
    shutil.copytree(REFERENCE, root / ODD_NAME)
    (root / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    (root / "gone.zip").symlink_to("/nonexistent/gone.zip")


def results_of(out: Path) -> dict[str, dict]:
    found = {}
    for path in (out / "submissions").glob("*/results.json"):
        found[path.parent.name] = json.loads(path.read_text())
    return found


def scores(result: dict) -> dict[str, tuple]:
    return {task["id"]: (task["score"], task["max_score"], task["status"]) for task in result["tasks"]}


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("class")
    build_class(tmp_path / "class", tmp_path)
    result = grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--jobs", "1")
    alone = grader("grade", str(tmp_path / "class" / "alice"), "--out", str(tmp_path / "alice-alone"))
    assert alone.returncode == 0, alone.stderr[-2000:]
    return {"batch": result, "out": tmp_path / "out", "alice_alone": json.loads(
        (tmp_path / "alice-alone" / "results.json").read_text())}


def test_the_whole_class_is_graded(graded_class):
    batch = graded_class["batch"]
    assert "Traceback" not in batch.stderr, batch.stderr[-3000:]
    assert batch.returncode == 0, batch.stderr[-3000:]
    results = results_of(graded_class["out"])
    assert set(results) == {"alice", "bob", "mallory", "eve", "weird", "stud%FFent", "broken", "gone"}
    with open(graded_class["out"] / "gradebook.csv", newline="", encoding="utf-8") as handle:
        assert {row["submission"] for row in csv.DictReader(handle)} == set(results)


def test_honest_students_keep_their_own_results(graded_class):
    results = results_of(graded_class["out"])
    assert scores(results["alice"]) == scores(graded_class["alice_alone"])
    assert scores(results["bob"]) == scores(results["stud%FFent"]) == scores(graded_class["alice_alone"])


def test_links_to_a_classmate_score_nothing_and_show_nothing(graded_class):
    results = results_of(graded_class["out"])
    assert all(task["score"] == 0 for task in results["mallory"]["tasks"]), scores(results["mallory"])
    answered = [check for task in results["eve"]["tasks"] for check in task["checks"]
                if check["id"].startswith(("written:", "test_answer"))]
    assert answered and all(check["status"] == "failed" for check in answered), "eve scored alice's answers"
    for name in ("mallory", "eve"):
        folder = graded_class["out"] / "submissions" / name
        for output in folder.iterdir():
            assert ALICE_MARKER not in output.read_text(encoding="utf-8"), f"{name}'s {output.name} shows alice's work"


def test_the_broken_repositories_say_why(graded_class):
    results = results_of(graded_class["out"])
    weird = results["weird"]
    problems = " ".join(weird["problems"])
    assert "task39_receptive_field.py" in problems and "homework.ipynb" in problems
    assert scores(weird)["task29"] == scores(graded_class["alice_alone"])["task29"]  # its honest module
    for name in ("broken", "gone"):
        assert results[name]["problems"], f"{name} has no reason in its results.json"
    assert results["gone"]["status"] == "error"
