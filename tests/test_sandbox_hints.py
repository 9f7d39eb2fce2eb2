"""When student code meets the sandbox, the feedback says what the grader allows.

Each submission below does what students' notebooks do most (from the graded sample of
218): reads a URL, asks for keyboard input, allocates more than its memory, imports a
library the grader lacks. The check still fails for the student's code, and the sentence
after the error says what to do instead.
"""

from __future__ import annotations

import pytest
from conftest import task_of

BODIES = {
    "network": ("import urllib.request\n\ndef receptive_field(layers):\n"
                "    urllib.request.urlopen('http://data.tfgrader.invalid/mnist.npz', timeout=5)\n"),
    "keyboard": "def receptive_field(layers):\n    return int(input('How many layers? '))\n",
    "memory": "def receptive_field(layers):\n    buffer = bytearray(64 * 1024 ** 3)\n    return 1\n",
    "library": "import seaborn_of_the_course\n\ndef receptive_field(layers):\n    return 1\n",
}
SAID = {"network": "The grader has no network: download nothing",
        "keyboard": "The grader gives your code no keyboard: input() gets no answer",
        "memory": "The grader gives each task 4096 MB of memory",
        "library": "The grader has no library 'seaborn_of_the_course'"}


@pytest.mark.parametrize("case", sorted(SAID))
def test_the_sandbox_explains_itself(case, grader, tmp_path):
    (tmp_path / "task39_receptive_field.py").write_text(BODIES[case])
    task = task_of(grader.grade(tmp_path, tasks=("task39",)), "task39")
    failed = [check for check in task.checks if check.part == "code" and check.status == "error"]
    assert failed and all(SAID[case] in check.feedback for check in failed), [c.feedback for c in task.checks]
    assert task.score == 0


def test_an_ordinary_exception_gets_no_sandbox_sentence(grader, tmp_path):
    (tmp_path / "task39_receptive_field.py").write_text("def receptive_field(layers):\n    raise KeyError('x')\n")
    task = task_of(grader.grade(tmp_path, tasks=("task39",)), "task39")
    assert all("The grader" not in check.feedback for check in task.checks if check.part == "code")
