"""The grading image against a real Docker engine (run by scripts/ci-docker.sh in CI).

Skipped unless GRADER_DOCKER_IMAGE names a built image: the default test run needs no
Docker, the CI step that builds the image runs this module explicitly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FAULTS, REFERENCE, make_submission

IMAGE = os.environ.get("GRADER_DOCKER_IMAGE")
pytestmark = pytest.mark.skipif(not IMAGE, reason="set GRADER_DOCKER_IMAGE to a built grading image")
TASKS = "task01,task13,task29,task49,task55"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=1800)


@pytest.fixture(scope="module")
def small_class(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("class")
    folder = root / "class"
    folder.mkdir()
    shutil.copytree(REFERENCE, folder / "reference")
    for fault in ("task13/quiz_shuffle_after_batch", "task49/quiz_regularization_not_added"):
        shutil.copytree(make_submission(root / fault.replace("/", "-"), FAULTS / fault),
                        folder / fault.replace("/", "-"))
    return folder


def test_scores_inside_the_container_equal_scores_outside(small_class, tmp_path):
    inside = run(sys.executable, "-m", "grader", "batch", str(small_class), "--out", str(tmp_path / "in"),
                 "--docker", IMAGE, "--jobs", "2", "--tasks", TASKS)
    assert inside.returncode == 0, inside.stdout[-2000:] + inside.stderr[-2000:]
    outside = run(sys.executable, "-m", "grader", "batch", str(small_class), "--out", str(tmp_path / "out"),
                  "--jobs", "1", "--tasks", TASKS)
    assert outside.returncode == 0, outside.stderr[-2000:]
    assert (tmp_path / "in" / "gradebook.csv").read_text() == (tmp_path / "out" / "gradebook.csv").read_text()
    results = json.loads((tmp_path / "in" / "submissions" / "reference" / "results.json").read_text())
    assert results["score"] == results["max_score"] > 0
    assert "unprivileged uid 64000" in results["environment"]["sandbox"]
    faulty = json.loads((tmp_path / "in" / "submissions" / "task13-quiz_shuffle_after_batch" / "results.json").read_text())
    assert faulty["score"] < faulty["max_score"]


def test_gradescope_harness_layout(tmp_path):
    """As Gradescope runs it: /autograder/run_autograder as root, no network."""
    results = tmp_path / "results"
    results.mkdir()
    done = run("docker", "run", "--rm", "--network", "none", "--user", "root",
               "-v", f"{REFERENCE}:/autograder/submission:ro", "-v", f"{results}:/autograder/results",
               IMAGE, "/autograder/run_autograder")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    data = json.loads((results / "results.json").read_text())
    assert data["score"] == sum(test["score"] for test in data["tests"]) == sum(
        test["max_score"] for test in data["tests"]) > 0
    assert {test["visibility"] for test in data["tests"]} == {"visible", "after_due_date"}
    assert all(test["status"] == "passed" for test in data["tests"])
    assert "Awaiting a teaching assistant" in data["output"]
    assert data["extra_data"] == {"tfgrader": {"graded": True}}  # no metadata, no course.toml: no limit


def test_gradescope_harness_keeps_the_score_when_the_limit_is_reached(tmp_path):
    """Gradescope's metadata and the autograder's course.toml in their places: no grading, score kept."""
    results = tmp_path / "results"
    results.mkdir()
    (tmp_path / "course.toml").write_text("[gradescope]\ngraded_per_window = 1\nwindow_hours = 24\n")
    earlier = {"submission_time": "2026-11-20T09:00:00.000000+01:00", "score": "7.5", "autograder_error": False,
               "results": {"score": 7.5, "tests": [{"name": "Task 13: pipeline", "score": 7.5, "max_score": 10.0,
                                                     "visibility": "visible"}],
                           "extra_data": {"tfgrader": {"graded": True}}}}
    (tmp_path / "submission_metadata.json").write_text(json.dumps({
        "id": 1, "created_at": "2026-11-20T15:30:10.000000+01:00", "submission_method": "upload",
        "assignment": {"due_date": "2026-11-27T23:59:00.000000+01:00", "late_due_date": None, "total_points": "100.0"},
        "users": [{"email": "s@example.com", "id": 7, "name": "S"}], "previous_submissions": [earlier]}))
    os.chmod(tmp_path / "submission_metadata.json", 0o644)
    os.chmod(tmp_path / "course.toml", 0o644)
    done = run("docker", "run", "--rm", "--network", "none", "--user", "root",
               "-v", f"{REFERENCE}:/autograder/submission:ro", "-v", f"{results}:/autograder/results",
               "-v", f"{tmp_path / 'submission_metadata.json'}:/autograder/submission_metadata.json:ro",
               "-v", f"{tmp_path / 'course.toml'}:/autograder/source/course.toml:ro",
               IMAGE, "/autograder/run_autograder")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    data = json.loads((results / "results.json").read_text())
    assert data["score"] == 7.5 and [test["name"] for test in data["tests"]] == ["Task 13: pipeline"]
    assert data["extra_data"]["tfgrader"]["graded"] is False
    assert "not graded" in data["output"] and "Saturday 21 November 2026, 09:00 (UTC+01:00)" in data["output"]


def test_image_holds_no_reference_and_hides_the_catalog_from_the_student_uid():
    listing = run("docker", "run", "--rm", "--network", "none", "--entrypoint", "sh", IMAGE, "-c",
                  "ls -ld /opt/grader/tasks; find / -name 'answers.yaml' -o -name 'task29_cnn.py' "
                  "2>/dev/null | grep -v /proc || true; id")
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.startswith("drwx------") and "grader grader" in listing.stdout.splitlines()[0]
    assert "answers.yaml" not in listing.stdout and "task29_cnn.py" not in listing.stdout
    assert "uid=1000(grader)" in listing.stdout
