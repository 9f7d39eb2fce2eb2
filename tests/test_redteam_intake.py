"""Submissions that attack the trusted reader itself: links, special files, odd names.

The reader runs as whoever grades (root in the image) before any sandbox exists, so it
must never follow a link, block on a fifo or read without a bound; a refused entry is a
problem that names it, and the rest of the submission is graded as usual. Fixtures:
``tests/redteam/<name>/attack.toml`` with ``kind = "intake"``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import REFERENCE, ROOT, make_submission, regular_files, run_grader, task_of
from grader.engine import GradeOptions, Grader
from test_redteam import REDTEAM, attack_of
from test_student_kit import secret_lines

SECRET_ENV = "GRADER_TEST_SECRET_TOKEN"
SECRET_VALUE = "tok-5f1d0c-only-in-the-graders-environment"


def make_links(folder: Path, links: dict[str, str]) -> None:
    for name, target in links.items():
        (folder / name).symlink_to(target.format(ROOT=ROOT, REFERENCE=REFERENCE))


def grade_in_subprocess(submission: Path, out: Path, tasks: str, timeout: float = 300) -> dict:
    """``grader grade`` as staff run it, with a secret in its environment; returns its outputs."""
    env = {**os.environ, SECRET_ENV: SECRET_VALUE}
    result = run_grader("grade", str(submission), "--out", str(out), "--tasks", tasks, "--timeout-scale", "0.3",
                        timeout=timeout, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    texts = {name: (out / name).read_text(encoding="utf-8") for name in
             ("results.json", "report.html", "report-staff.html")}
    return {"results": json.loads(texts["results.json"]), "texts": texts, "stdout": result.stdout}


@pytest.fixture(scope="module")
def grader(catalog):
    with Grader(catalog, GradeOptions(timeout_scale=0.3, submission_seconds=120)) as shared:
        yield shared


def test_linked_helpers_are_never_read(catalog, tmp_path):
    folder = REDTEAM / "link_helpers"
    submission = make_submission(tmp_path, folder)
    make_links(submission, attack_of(folder)["links"])
    graded = grade_in_subprocess(submission, tmp_path / "out", "task29,task39")
    reference = {line.strip() for path in regular_files(REFERENCE) for line in path.read_text().splitlines()}
    hidden = {line for line in secret_lines(catalog) if len(line) > 25 and line not in reference}
    shadow = {line.split(":")[0] + ":" + line.split(":")[1] for line in Path("/etc/shadow").read_text().splitlines()
              if line.count(":") > 2 and len(line.split(":")[1]) > 3} if os.access("/etc/shadow", os.R_OK) else set()
    for name, text in graded["texts"].items():
        assert SECRET_VALUE not in text, f"the grader's environment reached {name}"
        leaked = [line for line in hidden | shadow if line in text]
        assert not leaked, f"{name} holds hidden text: {leaked[:2]}"
    problems = " ".join(graded["results"]["problems"])
    for name in attack_of(folder)["links"]:
        assert name in problems, f"the refused link {name} is not named in the problems: {problems}"
    witness = next(task for task in graded["results"]["tasks"] if task["id"] == "task39")
    assert witness["score"] == witness["max_score"], "an honest task beside the links lost points"


def test_a_lone_link_to_the_reference_scores_nothing(grader, tmp_path):
    submission = tmp_path / "mallory"
    submission.mkdir()
    (submission / "homework").symlink_to(REFERENCE, target_is_directory=True)
    empty = tmp_path / "empty"
    empty.mkdir()
    tasks = ("task29", "task39", "task09")
    attacked, honest = grader.grade(submission, tasks=tasks), grader.grade(empty, tasks=tasks)
    assert (attacked.score, attacked.max_score) == (honest.score, honest.max_score)
    assert attacked.score == 0
    assert any("homework" in problem and "link" in problem for problem in attacked.problems), attacked.problems


def test_a_linked_module_and_answers_are_refused_with_a_reason(grader, tmp_path):
    submission = make_submission(tmp_path)
    for name in ("task29_cnn.py", "answers.yaml"):
        (submission / name).unlink()
        (submission / name).symlink_to(REFERENCE / name)
    run = grader.grade(submission, tasks=("task29", "task09", "task39"))
    cnn, choice = task_of(run, "task29"), task_of(run, "task09")
    assert cnn.score == 0 and "task29_cnn.py" in cnn.reason and "link" in cnn.reason, cnn.reason
    answer = next(check for check in choice.checks if check.id == "test_answer_choice")
    assert answer.status == "failed" and "answers.yaml" in answer.feedback and "link" in answer.feedback
    assert all(check.status == "passed" for check in task_of(run, "task39").checks
               if not check.id.startswith("written:"))


def test_special_files_neither_crash_nor_block_grading(tmp_path):
    submission = make_submission(tmp_path)
    for name, target in (("task39_receptive_field.py", "/proc/self/mem"), ("task29_cnn.py", "/dev/zero"),
                         ("homework.ipynb", "/dev/zero"), ("task09_helper.py", "/proc/self/mem")):
        if (submission / name).exists():
            (submission / name).unlink()
        (submission / name).symlink_to(target)
    (submission / "answers.yaml").unlink()
    os.mkfifo(submission / "answers.yaml")
    graded = grade_in_subprocess(submission, tmp_path / "out", "task39,task29,task09,task13", timeout=240)
    results = graded["results"]
    problems = " ".join(results["problems"])
    for name in ("task39_receptive_field.py", "task29_cnn.py", "homework.ipynb", "answers.yaml"):
        assert name in problems, f"{name} is not named in the problems: {problems}"
    pipeline = next(task for task in results["tasks"] if task["id"] == "task13")
    code = [check for check in pipeline["checks"] if not check["id"].startswith("written:")]
    assert code and all(check["status"] == "passed" for check in code), "the honest module beside them lost points"


def test_floods_of_entries_and_helpers_are_bounded_and_named(grader, tmp_path):
    submission = make_submission(tmp_path)
    for number in range(6000):
        (submission / f"junk{number:04d}.txt").touch()
    flooded = grader.grade(submission, tasks=("task39",))
    assert any("5,000 entries" in problem for problem in flooded.problems), flooded.problems[:3]

    helpers = make_submission(tmp_path / "helpers")
    (helpers / "a_huge_helper.py").write_bytes(b"#" * (3 * 1024 * 1024))
    for number in range(250):
        (helpers / f"helper{number:03d}.py").write_text(f"VALUE = {number}\n")
    run = grader.grade(helpers, tasks=("task39",))
    assert "a_huge_helper.py is larger than 2 MiB: not read" in run.problems, run.problems
    assert any(problem.startswith("50 helper module(s) were not read (helper200.py") for problem in run.problems)
    assert len(run.problems) == 2, run.problems
    code = [check for check in task_of(run, "task39").checks if not check.id.startswith("written:")]
    assert all(check.status == "passed" for check in code), "the honest module beside the helpers lost points"
