"""`grader check` lints answers.yaml: keys naming no part, each with file and line; warnings only."""

from __future__ import annotations

import io

from test_written_blocks import catalog  # noqa: F401 - the fixture: task01, task08 (a, b, c), task09

from grader.catalog import load_catalog
from grader.engine import GradeOptions, Grader
from grader.intake.answers_lint import MAX_WARNINGS, lint_answers
from grader.outputs.terminal import print_summary
from grader.outputs.views import student_view


def lint(catalog, text: str) -> tuple[str, ...]:
    return lint_answers(text.encode(), catalog)


def test_a_key_that_names_no_part_is_reported_with_the_parts(catalog):
    [warning] = lint(catalog, "task08:\n  a: A.\n  d: D.\n")
    assert warning == "answers.yaml, line 3: task08.d names no part of task08 (its parts: a, b, c); it is ignored"


def test_structured_keys_count_as_parts_and_close_names_are_suggested(catalog):
    [warning] = lint(catalog, "task09:\n  choise: MSE\n  explanation: Mean.\n")
    assert ("line 2: task09.choise names no part of task09 (did you mean choice?) "
            "(its parts: choice, explanation)") in warning


def test_unknown_top_level_keys(catalog):
    warnings = lint(catalog, "task01:\n  answer: x\ntask8:\n  a: y\nname: Alice\nTask 9: z\n")
    assert warnings[0].startswith("answers.yaml, line 3: 'task8' is not a task key (did you mean task08?)")
    assert warnings[1].startswith("answers.yaml, line 5: 'name' is not a task key (keys are task01 … task09)")
    assert warnings[2].startswith("answers.yaml, line 6: 'Task 9' is not a task key (did you mean task09?)")


def test_blocks_are_explained(catalog):
    assert lint(catalog, "task08: |\n  All.\n") == (
        "answers.yaml, line 1: task08 is answered in one block: it is reviewed as one answer covering parts a, b, c",)
    assert "covering parts b, c (a answered on their own)" in lint(catalog, "task08:\n  a: A\n  answer: Rest\n")[0]
    assert "is not reviewed: every part of task08 (a, b, c) has its own answer" in lint(
        catalog, "task08:\n  a: A\n  b: B\n  c: C\n  answer: Rest\n")[0]
    assert lint(catalog, "task09:\n  choice: MSE\n  answer: Mean.\n") == (
        "answers.yaml, line 3: task09.answer is read as task09.explanation",)


def test_plain_text_where_structured_keys_are_expected(catalog):
    [warning] = lint(catalog, "task09: MSE, because the mean\n")
    assert "task09 is plain text, so its structured answers (choice) are missing" in warning


def test_text_in_the_wrong_shape(catalog):
    assert "task08.a is a list or mapping, not text: it counts as missing" in lint(catalog, "task08:\n  a: [x]\n")[0]
    assert "task08 is a list; write its parts as keys (a, b, c)" in lint(catalog, "task08:\n  - x\n")[0]


def test_a_correct_or_unreadable_file_has_no_warning(catalog):
    assert lint(catalog, "task01:\n  answer: x\ntask08:\n  a: ''\n  b:\n  c: C\ntask09:\n  choice: MSE\n") == ()
    assert lint(catalog, "task01: [unclosed\n") == () and lint(catalog, "- a list\n") == ()
    assert lint_answers(b"\xff\xfe", catalog) == ()


def test_a_flood_of_keys_is_capped_and_long_keys_shortened(catalog):
    text = "".join(f"x{number}{'y' * 100}: 1\n" for number in range(200))
    warnings = lint(catalog, text)
    assert len(warnings) == MAX_WARNINGS + 1 and warnings[-1] == "answers.yaml: 150 more warnings not shown"
    assert max(len(warning) for warning in warnings) < 200


def test_check_prints_the_warnings_and_grades_as_usual(catalog, tmp_path):
    folder = tmp_path / "alice"
    folder.mkdir()
    (folder / "answers.yaml").write_text("task08:\n  a: A.\n  d: D.\n  \"e\\e[2J\": E.\n")
    with Grader(catalog, GradeOptions(isolate=False, public_only=True)) as grader:
        run = grader.grade(folder)
    assert run.warnings and not run.problems
    stream = io.StringIO()
    print_summary(student_view(run), stream)
    text = stream.getvalue()
    assert "warning: answers.yaml, line 3: task08.d names no part of task08 (its parts: a, b, c)" in text
    assert "line 4: task08.e" in text and "\x1b" not in text


def test_no_multi_part_task_of_the_real_catalog_names_a_part_answer():
    """`answer` is the key of a block there; a part of that name would make it ambiguous."""
    for task in load_catalog().tasks:
        if len(task.written) > 1:
            assert all(part.key != "answer" for part in task.written), task.id
