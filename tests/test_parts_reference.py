"""The issue's "done when": correct code with no answers.yaml, or with every multi-part
question answered in one block. Every code task's headline says its code passed; the blocks
are pending review, never missing."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from conftest import REFERENCE, run_grader, selected_tasks


def one_block_answers(catalog) -> dict:
    """The reference answers with every multi-part question's parts joined into one block:
    a plain string, or an ``answer`` key beside structured keys (which stay)."""
    answers = yaml.safe_load((REFERENCE / "answers.yaml").read_text())
    for task in catalog.tasks:
        section = answers.get(task.id)
        if len(task.written) < 2 or not isinstance(section, dict):
            continue
        text = "\n\n".join(f"({part.key}) {section.pop(part.key)}" for part in task.written if part.key in section)
        answers[task.id] = {**section, "answer": text} if section else text
    return answers


@pytest.fixture(scope="module")
def without_answers(grader, tmp_path_factory):
    folder = tmp_path_factory.mktemp("no_answers") / "submission"
    shutil.copytree(REFERENCE, folder, ignore=shutil.ignore_patterns("__pycache__", "answers.yaml"))
    return grader.grade(folder)


@pytest.fixture(scope="module")
def in_blocks(grader, catalog, tmp_path_factory):
    folder = tmp_path_factory.mktemp("blocks") / "submission"
    shutil.copytree(REFERENCE, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "answers.yaml").write_text(yaml.safe_dump(one_block_answers(catalog), allow_unicode=True))
    return grader.grade(folder)


def assert_code_passed(run, catalog):
    code_tasks = {task.id for task in catalog.tasks if task.module}
    graded = [task for task in run.tasks if task.id in code_tasks]
    assert graded
    for task in graded:
        code = next(part for part in task.parts if part.kind == "code")
        assert (code.status, code.headline) == ("passed", "code: all checks passed"), task.id
        assert task.status not in ("failed", "error", "missing"), (task.id, task.reason)
        if len(task.parts) > 1 and task.status != "passed":  # a passed task needs no headline
            assert task.reason.startswith("code: all checks passed; "), (task.id, task.reason)


def test_correct_code_without_answers_is_incomplete_never_failed(without_answers, catalog):
    assert_code_passed(without_answers, catalog)
    for task in without_answers.tasks:
        spec = catalog.get(task.id)
        if spec.module and (spec.written or spec.answers):
            assert task.status == "incomplete", (task.id, task.status, task.reason)
        if spec.module and spec.written:
            assert task.reason.endswith("missing"), task.reason


def test_correct_code_with_one_block_answers(in_blocks, catalog):
    assert_code_passed(in_blocks, catalog)
    for task in in_blocks.tasks:
        spec = catalog.get(task.id)
        written = [check for check in task.checks if check.part == "written"]
        assert not any(check.missing for check in written), task.id
        if len(spec.written) > 1:
            [block] = written
            assert block.status == "pending_review" and block.covers == tuple(p.key for p in spec.written)
            assert block.max_points == sum(p.points for p in spec.written)
            assert task.status == "pending_review", (task.id, task.reason)
            if spec.module:
                assert task.reason.startswith("code: all checks passed; "), task.reason
            assert task.reason.endswith("written parts: awaiting review (answered in one block)"), task.reason
    assert in_blocks.score == in_blocks.max_score


def test_grade_command_on_one_block_answers(catalog, tmp_path):
    tasks = [task.id for task in selected_tasks(catalog) if task.module and len(task.written) > 1] or ["task08"]
    folder = tmp_path / "submission"
    shutil.copytree(REFERENCE, folder, ignore=shutil.ignore_patterns("__pycache__"))
    answers = one_block_answers(catalog)
    answers["task08"] = {"answer": answers["task08"], "d": "a key the question does not have"}
    (folder / "answers.yaml").write_text(yaml.safe_dump(answers, allow_unicode=True))
    result = run_grader("grade", str(folder), "--out", str(tmp_path / "out"), "--tasks", ",".join(tasks),
                        timeout=600)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "out" / "results.json").read_text())
    for task in data["tasks"]:
        assert task["status"] == "pending_review" and task["reason"].startswith("code: all checks passed;")
        [block] = [check for check in task["checks"] if check["part"] == "written"]
        assert block["id"] == "written:answer" and block["covers"] and block["status"] == "pending_review"
    assert any("task08.d names no part of task08 (its parts: a, b, c)" in w for w in data["warnings"])
    assert "one block:" in (tmp_path / "out" / "report.html").read_text()
