"""Grading a class: resumable batches, shards that merge into the unsharded result,
class outputs, and the Gradescope, GitHub Classroom and JUnit formats."""

from __future__ import annotations

import base64
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest

from conftest import FAULTS, REFERENCE, make_submission, regular_files, run_grader

TASKS = "task01,task11,task13,task29,task39,task55"
FAULT_TASKS = ("task11", "task13", "task29", "task39", "task55")


grader = run_grader


def build_class(folder: Path, tmp_path: Path, faults: int = 26) -> dict[str, str]:
    """Submissions made from the reference (folders and zips) and from fault fixtures."""
    folder.mkdir()
    kinds = {}
    for number in range(3):
        shutil.copytree(REFERENCE, folder / f"ref{number}")
        kinds[f"ref{number}"] = "reference"
    for number in range(3):
        with zipfile.ZipFile(folder / f"zipped{number}.zip", "w") as bundle:
            for path in regular_files(REFERENCE):
                bundle.write(path, f"quiz/{path.name}")
        kinds[f"zipped{number}"] = "reference"
    fixtures = [path.parent for path in sorted(FAULTS.glob("*/*/fault.toml"))
                if path.parent.parent.name in FAULT_TASKS][:faults]
    for fixture in fixtures:
        name = f"{fixture.parent.name}-{fixture.name}"
        shutil.copytree(make_submission(tmp_path / name, fixture), folder / name)
        kinds[name] = fixture.parent.name
    return kinds


def gradebook(out: Path) -> dict[str, dict]:
    with open(out / "gradebook.csv", newline="") as handle:
        return {row["submission"]: row for row in csv.DictReader(handle)}


def test_batch_killed_halfway_resumes_and_grades_each_submission_once(tmp_path):
    kinds = build_class(tmp_path / "class", tmp_path)
    assert len(kinds) >= 30
    out = tmp_path / "out"
    command = [sys.executable, "-m", "grader", "batch", str(tmp_path / "class"), "--out", str(out),
               "--jobs", "2", "--tasks", TASKS]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 600
    while len(list(out.glob("submissions/*/results.json"))) < 8 and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)  # the batch and its grading processes, mid-flight
    process.wait()
    first = {path.parent.name: path.stat().st_mtime_ns for path in out.glob("submissions/*/results.json")}
    assert 8 <= len(first) < len(kinds), "the kill should come halfway"
    for path in out.glob("submissions/*/results.json"):
        json.loads(path.read_text())  # never half-written

    resumed = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert f"{len(first)} already graded" in resumed.stdout
    again = {path.parent.name: path.stat().st_mtime_ns for path in out.glob("submissions/*/results.json")}
    assert all(again[name] == mtime for name, mtime in first.items()), "finished submissions were regraded"
    rows = gradebook(out)
    assert sorted(rows) == sorted(kinds)
    for name, kind in kinds.items():
        row = rows[name]
        auto = {task: float(row[task]) for task in TASKS.split(",")}
        if kind == "reference":
            assert float(row["score"]) == float(row["max_score"]) and float(row["pending_max_score"]) > 0
        else:
            reference_row = rows["ref0"]
            assert auto[kind] < float(reference_row[kind]), f"{name} should lose points on {kind}"
            assert all(auto[task] == float(reference_row[task]) for task in auto if task != kind), name


def test_shards_merge_into_the_unsharded_result(tmp_path):
    kinds = build_class(tmp_path / "class", tmp_path, faults=4)
    base = ["--tasks", "task29,task39", "--jobs", "1"]
    assert grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / "all"), *base).returncode == 0
    for shard in ("1/3", "2/3", "3/3"):
        result = grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / f"s{shard[0]}"),
                        "--shard", shard, *base)
        assert result.returncode == 0, result.stderr[-2000:]
    merged = grader("merge", str(tmp_path / "merged"), *(str(tmp_path / f"s{i}") for i in (1, 2, 3)))
    assert merged.returncode == 0, merged.stderr
    assert (tmp_path / "merged" / "gradebook.csv").read_text() == (tmp_path / "all" / "gradebook.csv").read_text()
    assert len(gradebook(tmp_path / "merged")) == len(kinds)


def test_batch_with_similarity_writes_the_staff_pages_for_the_tasks_it_graded(tmp_path):
    for name in ("ann", "bob"):
        shutil.copytree(REFERENCE, tmp_path / "class" / name)
    result = grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--tasks", "task13",
                    "--jobs", "1", "--similarity")
    assert result.returncode == 0, result.stderr[-2000:]
    with open(tmp_path / "out" / "similarity.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(row["part"], row["a"], row["b"]) for row in rows} == {
        ("task13_pipeline", "ann", "bob"), ("task13_pipeline", "ann", "reference"),
        ("task13_pipeline", "bob", "reference"), ("task13.answer", "ann", "bob")}   # the same answers.yaml
    assert "Compared 2 submissions" in result.stdout and (tmp_path / "out" / "similarity.html").is_file()


def test_reviews_given_after_grading_reach_the_graded_class_without_grading_again(tmp_path):
    """The week's order: grade, review, then merge the scores in with the same batch command."""
    for name in ("ann", "bob"):
        shutil.copytree(REFERENCE, tmp_path / "class" / name)
    command = ["batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--tasks", "task01", "--jobs", "1"]
    assert grader(*command).returncode == 0
    first = json.loads((tmp_path / "out" / "submissions" / "ann" / "results.json").read_text())
    reviews = tmp_path / "reviews.csv"
    reviews.write_text("submission,task,part,points,comment\nann,task01,answer,1.5,misses transfer learning\n")
    again = grader(*command, "--manual", str(reviews))
    assert again.returncode == 0, again.stderr[-2000:]
    assert "0 to grade" in again.stdout and "changed 1 submission(s) graded before" in again.stdout
    ann = json.loads((tmp_path / "out" / "submissions" / "ann" / "results.json").read_text())
    assert ann["score"] == first["score"] + 1.5 and ann["input_sha256"] == first["input_sha256"]
    assert "misses transfer learning" in (tmp_path / "out" / "submissions" / "ann" / "report.html").read_text()
    assert float(gradebook(tmp_path / "out")["ann"]["score"]) == ann["score"]
    assert float(gradebook(tmp_path / "out")["bob"]["score"]) == first["score"]


def test_merge_names_each_unreadable_results_file_and_keeps_the_rest(tmp_path):
    """A shard's results.json that is no run (hand-edited, truncated) is named, never silently dropped."""
    for name, text in (("edited", '{"hello": 1}'), ("truncated", '{"schema_version": 1, "tas')):
        (tmp_path / "s1" / "submissions" / name).mkdir(parents=True)
        (tmp_path / "s1" / "submissions" / name / "results.json").write_text(text)
    merged = grader("merge", str(tmp_path / "merged"), str(tmp_path / "s1"))
    assert merged.returncode == 2, merged.stderr
    for name in ("edited", "truncated"):
        assert f"submissions/{name}/results.json" in merged.stderr
    assert "left out of the class outputs" in merged.stderr
    assert (tmp_path / "merged" / "gradebook.csv").exists()


def test_bad_shard_is_a_usage_error(tmp_path):
    (tmp_path / "class").mkdir()
    result = grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--shard", "4/3")
    assert result.returncode == 2 and "--shard" in result.stderr


@pytest.fixture(scope="module")
def reference_results(tmp_path_factory):
    out = tmp_path_factory.mktemp("gradescope")
    result = grader("gradescope", "--submission", str(REFERENCE), "--results", str(out / "results.json"))
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads((out / "results.json").read_text())


def test_gradescope_results_follow_the_specification(reference_results):
    data = reference_results
    assert set(data) >= {"score", "execution_time", "output", "visibility", "stdout_visibility", "tests"}
    assert data["score"] == sum(test["score"] for test in data["tests"]) > 0
    for test in data["tests"]:
        assert set(test) >= {"name", "score", "max_score", "status", "output", "visibility", "number"}
        assert test["status"] in ("passed", "failed") and test["visibility"] in ("visible", "after_due_date")
    assert {test["visibility"] for test in data["tests"]} == {"visible", "after_due_date"}
    assert "Awaiting a teaching assistant" in data["output"]
    assert data["extra_data"] == {"tfgrader": {"graded": True}}  # no course.toml here: no limit


def test_classroom_payload_table_and_grade_agree(tmp_path):
    output = tmp_path / "github_output"
    summary = tmp_path / "step_summary.md"
    summary.write_text("## An earlier step's summary\n")  # GitHub's file is appended to
    result = grader("classroom", str(REFERENCE.parent / "examples" / "submissions" / "ben"), "--output", str(output),
                    "--summary", str(summary))
    assert result.returncode == 0, result.stderr[-2000:]
    key, value = output.read_text().strip().split("=", 1)
    payload = json.loads(base64.b64decode(value))
    assert key == "result" and payload["version"] == 1 and payload["tests"]
    passed = sum(test["status"] == "pass" for test in payload["tests"])
    table = passed / len(payload["tests"]) * payload["max_score"]
    assert table == sum(test["score"] for test in payload["tests"])  # what the reporter prints == sends
    assert payload["status"] == "fail" and 0 < passed < len(payload["tests"])
    text = summary.read_text()
    assert text.startswith("## An earlier step's summary\n## Public checks: ")
    assert "| Task | Check | Result | Points |" in text and "### What to look at" in text
    assert f"## Public checks: {passed} / {len(payload['tests'])} points" in text  # one test per point
    assert "\n- **Task " in text


def test_classroom_timeout_still_writes_a_valid_payload(tmp_path):
    output = tmp_path / "github_output"
    result = grader("classroom", str(REFERENCE), "--output", str(output), "--time-limit", "1",
                    "--summary", str(tmp_path / "summary.md"))
    assert result.returncode == 0
    assert "did not finish" in (tmp_path / "summary.md").read_text()
    payload = json.loads(base64.b64decode(output.read_text().strip().split("=", 1)[1]))
    assert payload["status"] == "error" and payload["tests"] and payload["max_score"] == 1


def test_junit_xml(tmp_path):
    result = grader("grade", str(REFERENCE.parent / "examples" / "submissions" / "ben"), "--out", str(tmp_path / "o"),
                    "--tasks", "task13,task29", "--junit", str(tmp_path / "junit.xml"))
    assert result.returncode == 0, result.stderr[-2000:]
    root = ElementTree.parse(tmp_path / "junit.xml").getroot()
    suites = root.findall("testsuite")
    assert [suite.get("name").split()[0] for suite in suites] == ["task13", "task29"]
    assert sum(int(suite.get("failures")) for suite in suites) > 0
    assert root.find(".//testcase/failure") is not None
