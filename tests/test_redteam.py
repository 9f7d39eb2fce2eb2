"""Hostile submissions (tests/redteam/<attack>/) graded one after another by one grader.

For every attack: grading finishes; the attacked task scores exactly what an honest
empty answer scores; the other tasks keep their honest result; nothing hidden (tests,
rubrics, reference answers) reaches the student's report; nothing the attack planted
survives on the host. The README's threat model lists each attack and what stops it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import time
import tomllib
from pathlib import Path

import pytest
from conftest import (REFERENCE, ROOT, assert_generated_doc_current, make_submission, regular_files,
                      run_grader, task_of)
from markupsafe import escape
from test_student_kit import rubric_texts, secret_lines

from grader.engine import GradeOptions, Grader
from grader.outputs.html import render
from grader.outputs.views import student_view
from grader.sandbox.launcher import WORKER_UID

REDTEAM = Path(__file__).parent / "redteam"
ALL_ATTACKS = sorted(path.parent for path in REDTEAM.glob("*/attack.toml"))
WITNESSES = ("task39", "task55", "task29")  # honest tasks graded beside the attacked one
PLANTED = ("/tmp/PWNED_BY_PICKLE", "/tmp/daemon-was-here", "/tmp/loot.txt", "/tmp/results.json",
           "/dev/shm/loot.txt", str(ROOT / "results.json"), str(ROOT / "out" / "results.json"))


def attack_of(folder: Path) -> dict:
    return tomllib.loads((folder / "attack.toml").read_text())


# A fixture of another kind ("batch", "output", ...) is graded by its own test module;
# this one grades the submissions that attack from inside a single task.
ATTACKS = [folder for folder in ALL_ATTACKS if attack_of(folder).get("kind", "submission") == "submission"]


def tasks_for(target: str) -> tuple[str, ...]:
    return (target, *[task for task in WITNESSES if task != target][:2])


@pytest.fixture(scope="module")
def grader(catalog):
    with Grader(catalog, GradeOptions(timeout_scale=0.1, submission_seconds=120)) as shared:
        yield shared


@pytest.fixture(scope="module")
def honest(grader):
    run = grader.grade(REFERENCE, tasks=tuple(sorted(set(WITNESSES) | {"task29", "task39"})))
    return {task.id: task for task in run.tasks}


@pytest.fixture(scope="module")
def empty(grader, tmp_path_factory, catalog):
    """What each attacked task scores with its module simply absent (an honest empty answer)."""
    scores = {}
    for target in sorted({attack_of(folder)["task"] for folder in ATTACKS}):
        folder = make_submission(tmp_path_factory.mktemp(target))
        (folder / catalog.get(target).filename).unlink()
        scores[target] = task_of(grader.grade(folder, tasks=(target,)), target)
    return scores


def baseline_folder(folder: Path) -> Path | None:
    """The honest equivalent of an attack: the fault fixture its attack.toml names as
    ``honest_fixture`` (a path below tests/), its own baseline/ folder, or none (module absent)."""
    named = attack_of(folder).get("honest_fixture")
    if named:
        return Path(__file__).parent / named
    return folder / "baseline" if (folder / "baseline").is_dir() else None


def baseline_of(folder: Path, target: str, grader, empty, tmp_path: Path):
    """How the honest equivalent of an attack scores on the attacked task."""
    honest = baseline_folder(folder)
    if honest is None:
        return empty[target]
    honest_folder = make_submission(tmp_path / "baseline", honest)
    return task_of(grader.grade(honest_folder, tasks=(target,)), target)


@pytest.fixture(scope="module")
def secrets(catalog):
    """Lines of the hidden tests and rubrics, and the rubrics' texts (the submissions here are
    built from the reference, so reference lines are their own content, not secrets)."""
    reference = set()
    for path in regular_files(REFERENCE):
        reference |= {line.strip() for line in path.read_text().splitlines()}
    lines = secret_lines(catalog) | rubric_texts(catalog)
    return {line for line in lines if len(line) > 25 and line not in reference}


@pytest.fixture(scope="module")
def protected_hashes(catalog):
    files = regular_files(ROOT / "tasks", "**/*")
    files += regular_files(ROOT / "grader", "**/*.py") + regular_files(REFERENCE)
    return {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


@pytest.mark.parametrize("folder", ATTACKS, ids=lambda folder: folder.name)
def test_attack_gains_nothing_and_harms_nothing(folder, grader, honest, empty, secrets, tmp_path):
    attack = attack_of(folder)
    target = attack["task"]
    baseline = baseline_of(folder, target, grader, empty, tmp_path)
    run = grader.grade(make_submission(tmp_path, folder), tasks=tasks_for(target))
    attacked = task_of(run, target)
    assert attacked.status != "passed"
    if attack.get("at_most_baseline"):
        assert attacked.max_score == baseline.max_score and attacked.score <= baseline.score, attack["attack"]
    else:
        assert (attacked.score, attacked.max_score) == (baseline.score, baseline.max_score), attack["attack"]
    for other in run.tasks:
        if other.id != target:
            expected = honest[other.id]
            assert (other.score, other.max_score, other.status) == (expected.score, expected.max_score,
                                                                    expected.status), other.id
    report = render("report.html.j2", student_view(run))
    leaked = [line for line in secrets if line in report or escape(line) in report]
    assert not leaked, f"hidden content reached the student: {leaked[:2]}"
    for forbidden in attack.get("forbidden", []):
        assert forbidden not in report


def student_uid_leftovers() -> tuple[list[str], list[str]]:
    """System V IPC objects and files outside any stage owned by the uid student code runs as."""
    uid = str(WORKER_UID if os.geteuid() == 0 else os.geteuid())
    listing = subprocess.run(["ipcs", "-m", "-q", "-s", "-c"], capture_output=True, text=True).stdout \
        if shutil.which("ipcs") else ""
    rows = [line.split() for line in listing.splitlines()]
    objects = [" ".join(row) for row in rows if len(row) >= 6 and row[0].isdigit() and uid in (row[2], row[4])]
    if os.geteuid() != 0:  # an ordinary user's student code runs as that user, who owns files of their own
        return [], []
    roots = [path for path in ("/tmp", "/var/tmp", "/dev/shm", str(ROOT), os.path.expanduser("~"))
             if os.path.isdir(path)]
    found = subprocess.run(["find", *roots, "-xdev", "-uid", uid, "-not", "-path", "*/grader-stage-*", "-print0"],
                           capture_output=True).stdout  # names may be any bytes
    return objects, [os.fsdecode(name) for name in found.split(b"\0") if name]


def test_nothing_planted_survives_on_the_host(grader, protected_hashes):
    time.sleep(0.5)  # give a surviving daemon the chance to write
    planted = [path for path in PLANTED if os.path.exists(path)]
    assert not planted, planted
    objects, files = student_uid_leftovers()
    assert not objects, f"System V IPC objects of the student uid outlived their child: {objects}"
    assert not files, f"files of the student uid outside any stage: {files[:5]}"
    changed = [str(path) for path, digest in protected_hashes.items()
               if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != digest]
    assert not changed, changed


def test_the_class_is_still_graded_honestly_afterwards(grader, honest):
    run = grader.grade(REFERENCE, tasks=tuple(honest))
    assert {task.id: (task.score, task.status) for task in run.tasks} == {
        task_id: (task.score, task.status) for task_id, task in honest.items()}


@pytest.mark.parametrize("name", ["fork_bomb", "output_flood", "signal_grader", "conftest_hookwrapper"])
def test_grader_exits_zero_under_attack(name, tmp_path):
    folder = Path(__file__).parent / "redteam" / name
    target = attack_of(folder)["task"]
    submission = make_submission(tmp_path, folder)
    result = run_grader("grade", str(submission), "--out", str(tmp_path / "out"), "--tasks",
                        ",".join(tasks_for(target)), "--timeout-scale", "0.1", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "out" / "results.json").is_file()


def test_attack_table_is_current():
    assert_generated_doc_current("scripts/attack_table.py", "docs/attacks.md")


def test_at_least_25_attacks():
    assert len(ALL_ATTACKS) >= 25
