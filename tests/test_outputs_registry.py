"""The output registries are what the writers use: a registered format is written, and nothing else is."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from grader.checks.scoring import score_run, score_task
from grader.course import class_outputs
from grader.course.class_outputs import CLASS_OUTPUTS, write_class_outputs
from grader.course.gradebook import ClassRecord
from grader.domain import CheckResult, GradeRun, Submission, TaskSpec
from grader.outputs import files
from grader.outputs.files import RESULTS_FILE, SUBMISSION_OUTPUTS, write_submission_outputs
from grader.outputs.results import load_run

TASK = TaskSpec(id="task29", quiz_task=29, title="CNNs", folder=Path("."), module="task29_cnn")
CATALOG = type("Catalog", (), {"tasks": (TASK,)})()


def run_of(submission_id: str, status: str) -> GradeRun:
    submission = Submission(id=submission_id, path=Path("."))
    check = CheckResult("task29", "test_a", "a", status, 1.0 if status == "passed" else 0.0, 1.0, "public")
    return score_run(submission, [score_task(TASK, [check], submission)])


def lms_csv(record: ClassRecord) -> str:
    """The worked example of docs/outputs.md: one row per student, id and percentage."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["student_id", "percent"])
    for run in sorted(record.runs, key=lambda item: item.submission):
        writer.writerow([run.submission, f"{100 * run.score / run.max_score if run.max_score else 0.0:.1f}"])
    return buffer.getvalue()


def test_a_registered_submission_format_is_written_before_results_json(tmp_path, monkeypatch):
    written = []
    monkeypatch.setitem(SUBMISSION_OUTPUTS, "score.txt", lambda run: f"{run.score:g}/{run.max_score:g}\n")
    original = files.write_text_atomic
    monkeypatch.setattr(files, "write_text_atomic", lambda path, text: (written.append(path.name),
                                                                        original(path, text)))
    monkeypatch.setattr(files, "write_json_atomic", lambda path, data: written.append(path.name))
    write_submission_outputs(run_of("alice", "passed"), tmp_path)
    assert (tmp_path / "score.txt").read_text() == "1/1\n"
    assert written == [*SUBMISSION_OUTPUTS, RESULTS_FILE]


def test_a_submission_folder_holds_the_registered_files_and_results_json_only(tmp_path):
    path = write_submission_outputs(run_of("alice", "failed"), tmp_path, input_sha256="0" * 64)
    assert sorted(item.name for item in tmp_path.iterdir()) == sorted([*SUBMISSION_OUTPUTS, RESULTS_FILE])
    assert load_run(path) == run_of("alice", "failed")


def test_a_registered_class_format_is_written(tmp_path, monkeypatch):
    monkeypatch.setitem(CLASS_OUTPUTS, "lms.csv", lms_csv)
    paths = write_class_outputs(tmp_path, ClassRecord([run_of("bob", "failed"), run_of("alice", "passed")], CATALOG))
    assert [path.name for path in paths] == list(CLASS_OUTPUTS) and paths[-1].name == "lms.csv"
    assert (tmp_path / "lms.csv").read_bytes() == b"student_id,percent\r\nalice,100.0\r\nbob,0.0\r\n"
    assert sorted(item.name for item in tmp_path.iterdir()) == sorted(CLASS_OUTPUTS)


def test_the_class_writer_calls_only_the_registry(tmp_path, monkeypatch):
    monkeypatch.setattr(class_outputs, "CLASS_OUTPUTS", {"only.txt": lambda record: f"{len(record.runs)}\n"})
    assert write_class_outputs(tmp_path, ClassRecord([run_of("alice", "passed")], CATALOG)) == [tmp_path / "only.txt"]
    assert [item.name for item in tmp_path.iterdir()] == ["only.txt"]
