"""The student template's answers.yaml, generated from the catalog so it never drifts.

Every task gets its key; every structured and written part is listed with an empty value
and a comment that quotes its question.
"""

from __future__ import annotations

import textwrap

from grader.catalog import Catalog

HEADER = """\
# answers.yaml: your written and structured answers to the quiz.
#
# Keep every key. Fill in the values:
#   - a short answer on one line:      answer: The bias shifts the activation.
#   - a longer answer as a block:      answer: |
#                                        First line of the answer,
#                                        and more lines, indented.
#   - lists and shapes:                output_shapes: [[28, 28, 8], [14, 14, 8]]
# Written answers are graded by a teaching assistant; structured ones automatically.
# yes/no/on/off in your text stay text.
"""


def render_answers_template(catalog: Catalog) -> str:
    blocks = [HEADER]
    for task in catalog.tasks:
        lines = [f"{task.id}:", f"  # Task {task.quiz_task}: {task.title}"]
        for answer in task.answers:
            lines += _comment(f"{answer.key}: {answer.question}") + [f"  {answer.key}:"]
        for part in task.written:
            lines += _comment(f"{part.key} ({part.points:g} points): {part.question}") + [f"  {part.key}:"]
        if len(lines) == 2:
            lines.append("  {}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _comment(text: str) -> list[str]:
    wrapped = []
    for paragraph in text.splitlines() or [""]:
        wrapped += textwrap.wrap(paragraph, width=86) or [""]
    return [f"  # {line}".rstrip() for line in wrapped]
