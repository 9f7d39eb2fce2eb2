"""One broken module costs its own task only, and grading always finishes."""

from __future__ import annotations

import pytest

from conftest import REFERENCE, make_submission, task_of
from grader.engine import GradeOptions, Grader

BROKEN = {
    "raises_at_import": ("task13", "task13_pipeline.py",
                         "raise RuntimeError('boom at import')\n", "RuntimeError: boom at import"),
    "syntax_error": ("task29", "task29_cnn.py",
                     "def build_cnn(:\n    pass\n", "SyntaxError"),
    "endless_loop_at_import": ("task15", "task15_training.py",
                               "while True:\n    pass\n", "endless loop"),
    "os_exit_at_import": ("task49", "task49_regularization.py",
                          "import os\nos._exit(0)\n", "ended abruptly"),
    "os_exit_in_graded_function": ("task29", "task29_cnn.py",
                                   "import os\ndef build_cnn():\n    os._exit(0)\n", "ended abruptly"),
    "sys_exit_in_graded_function": ("task29", "task29_cnn.py",
                                    "import sys\ndef build_cnn():\n    sys.exit(3)\n", "sys.exit"),
    "segfault_in_graded_function": ("task29", "task29_cnn.py",
                                    "import ctypes\ndef build_cnn():\n    ctypes.string_at(0)\n", "SIGSEGV"),
    "memory_bomb_in_graded_function": ("task29", "task29_cnn.py",
                                       "import numpy as np\ndef build_cnn():\n    hoard = []\n"
                                       "    while True:\n        hoard.append(np.ones(10**9))\n",
                                       "MemoryError"),
    "endless_loop_in_graded_function": ("task29", "task29_cnn.py",
                                        "def build_cnn():\n    while True:\n        pass\n", "endless loop"),
}


# The broken modules below live in these tasks; task01 (written only) and the others
# stand for "everything else", which must keep exactly the reference's score.
TASKS = ("task01", "task13", "task15", "task29", "task49", "task55")


@pytest.fixture(scope="module")
def quick_grader(catalog):
    """Short time limits so that endless loops cost seconds, not minutes."""
    with Grader(catalog, GradeOptions(timeout_scale=0.1, tasks=TASKS)) as grader:
        yield grader


@pytest.fixture(scope="module")
def honest(quick_grader):
    return {task.id: task for task in quick_grader.grade(REFERENCE).tasks}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_module_costs_only_its_task(case, quick_grader, honest, tmp_path):
    task_id, filename, source, message = BROKEN[case]
    submission = make_submission(tmp_path)
    (submission / filename).write_text(source)
    run = quick_grader.grade(submission)
    broken = task_of(run, task_id)
    assert broken.status == "error" and broken.score < broken.max_score
    code_checks = [check for check in broken.checks if "answer" not in check.id]
    assert all(check.status == "error" for check in code_checks)
    assert message.lower() in broken.reason.lower(), broken.reason
    for other in run.tasks:
        if other.id != task_id:
            expected = honest[other.id]
            assert (other.score, other.max_score, other.pending_max_score, other.status) == (
                expected.score, expected.max_score, expected.pending_max_score, expected.status), (
                f"{case} changed the result of {other.id}")


@pytest.mark.parametrize("attack", ["os.kill(os.getppid(), signal.SIGKILL)", "os.kill(-1, signal.SIGKILL)",
                                    "os.killpg(0, signal.SIGKILL)"])
def test_grading_goes_on_when_code_signals_its_parents(quick_grader, tmp_path, attack):
    """Signalling the worker (or everything in reach) costs the attacker's task only."""
    submission = make_submission(tmp_path)
    (submission / "task29_cnn.py").write_text(
        f"import os, signal\ndef build_cnn():\n    {attack}\n")
    run = quick_grader.grade(submission)
    assert task_of(run, "task29").status in ("error", "failed")
    assert task_of(run, "task55").score == task_of(run, "task55").max_score
    again = quick_grader.grade(REFERENCE)
    assert again.score == again.max_score and again.pending_max_score > 0
