"""answers.yaml reading and the tolerant answer normalisers."""

from __future__ import annotations

import pytest

from grader.intake import answers
from grader.intake.answers import AnswersError, parse_answers
from grader.testing import BadAnswer, as_bool, as_choice, as_int_list, as_shape, as_shape_list


def test_yes_no_on_off_stay_strings_and_true_false_are_booleans():
    answers = parse_answers(b"task01:\n  answer: yes\n  b: off\ntask22:\n  adagrad_uses_momentum: false\n")
    assert answers["task01"] == {"answer": "yes", "b": "off"}
    assert answers["task22"]["adagrad_uses_momentum"] is False


def test_block_scalars_keep_text():
    answers = parse_answers(b"task07:\n  answer: |\n    No: the bias shifts\n    the activation.\n")
    assert answers["task07"]["answer"] == "No: the bias shifts\nthe activation.\n"


def test_invalid_yaml_names_line_and_column():
    with pytest.raises(AnswersError, match=r"answers.yaml, line 3, column \d+"):
        parse_answers(b"task01:\n  answer: fine\n  bad: [a, b]]\n")


def test_aliases_are_refused():
    bomb = b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    with pytest.raises(AnswersError, match="aliases"):
        parse_answers(bomb)


def test_tags_that_construct_objects_are_refused():
    with pytest.raises(AnswersError):
        parse_answers(b"task01: !!python/object/apply:os.system ['true']\n")


def test_non_utf8_names_the_line():
    with pytest.raises(AnswersError, match="line 2"):
        parse_answers(b"task01:\n  answer: caf\xe9\n")


def test_top_level_must_be_a_mapping():
    with pytest.raises(AnswersError, match="mapping"):
        parse_answers(b"- just\n- a list\n")


@pytest.mark.parametrize("written", [[32, 1918, 1078, 32], "(32, 1918, 1078, 32)", "[32,1918,1078,32]",
                                     (32, 1918, 1078, 32), "32x1918x1078x32", ["32", "1918", "1078", "32"]])
def test_shapes_in_harmless_forms(written):
    assert as_shape(written) == [32, 1918, 1078, 32]


def test_leading_none_batch_is_dropped_from_shapes():
    assert as_shape("(None, 28, 28, 8)") == [28, 28, 8]
    assert as_shape_list([[28, 28, 8], "(784,)", 10]) == [[28, 28, 8], [784], [10]]


def test_integers_and_choices():
    assert as_int_list("[80, 0, 1168]") == [80, 0, 1168]
    assert as_int_list(["1,168", 7850.0]) == [1168, 7850]
    assert as_choice(" mse ", ("MSE", "SE")) == "MSE"
    assert as_bool("No") is False and as_bool(True) is True


@pytest.mark.parametrize("bad", ["many", [1.5], [True], {"a": 1}])
def test_unreadable_numbers_raise_bad_answer(bad):
    with pytest.raises(BadAnswer):
        as_int_list(bad)


def test_unknown_choice_raises_bad_answer():
    with pytest.raises(BadAnswer, match="MSE, SE"):
        as_choice("MAE", ("MSE", "SE"))


def test_a_key_written_twice_is_an_error_with_both_lines():
    with pytest.raises(AnswersError, match=r"line 4.*'task07' appears twice \(first on line 1\)"):
        parse_answers(b"task07:\n  answer: one\ntask08: {}\ntask07:\n  answer: two\n")


@pytest.mark.parametrize("text", ["2024-02-30", "2024-02-30 10:00:00", "1e10", "0x1F", "0o17", "1_000",
                                  "1" * 5000, ".inf", "12:30:00", "yes", "3.10", "007"])
def test_plain_scalars_stay_the_text_the_student_wrote(text):
    answers = parse_answers(f"task05:\n  answer: {text}\n".encode())
    assert answers["task05"]["answer"] == text


def test_null_and_lists_keep_their_meaning():
    answers = parse_answers(b"task29:\n  params_per_layer: [80, 0, 1168]\n  output_shapes: ~\n  x:\n")
    assert answers["task29"] == {"params_per_layer": ["80", "0", "1168"], "output_shapes": None, "x": None}
    assert as_int_list(answers["task29"]["params_per_layer"]) == [80, 0, 1168]


@pytest.mark.parametrize("document, line, message", [
    (b"task01:\n  ? [a, b]\n  : x\n", 2, "key must be plain text"),
    (b"task01:\n  ? {a: 1}\n  : x\n", 2, "key must be plain text"),
    (b"task01:\n  answer: !!timestamp 2024-02-30\n", 2, "tag"),
    (b"task01:\n  answer: !!int x\n", 2, "tag"),
    (b"task01:\n  answer: !!binary aGk=\n", 2, "tag"),
    (b"task01: !!set {a, b}\n", 1, "tag"),
    (b"task01:\n  answer: !!bool maybe\n", 2, "true or false"),
    (b"task01:\n  !!merge <<: {a: 1}\n", 2, "tag"),
])
def test_yaml_that_pyyaml_constructs_badly_is_a_problem_with_line_and_column(document, line, message):
    with pytest.raises(AnswersError, match=rf"^answers.yaml, line {line}, column \d+: .*{message}"):
        parse_answers(document)


@pytest.mark.parametrize("opening, closing", [(b"[", b"]"), (b"{a: ", b"}")])
def test_nesting_beyond_the_cap_is_a_problem_with_line_and_column(opening, closing):
    deep = b"task01:\n  answer: " + opening * 3000 + closing * 3000 + b"\n"
    with pytest.raises(AnswersError, match=r"^answers.yaml, line 2, column \d+: .*nested more than 50"):
        parse_answers(deep)
    assert parse_answers(b"task01:\n  answer: " + b"[" * 40 + b"]" * 40 + b"\n")


def test_deep_block_nesting_is_refused_too():
    deep = b"".join(b" " * depth + b"k:\n" for depth in range(200))
    with pytest.raises(AnswersError, match="nested more than 50"):
        parse_answers(deep)


def test_characters_yaml_refuses_name_line_and_column():
    with pytest.raises(AnswersError, match=r"^answers.yaml, line 2, column 12: .*#x001b"):
        parse_answers(b"task01:\n  answer: a\x1b[2J\n")


def test_any_other_exception_becomes_an_answers_error(monkeypatch):
    def explode(self, node):
        raise RecursionError("maximum recursion depth exceeded")
    monkeypatch.setattr(answers._DataLoader, "construct_scalar", explode)
    with pytest.raises(AnswersError, match=r"^answers.yaml, line 2, column \d+: .*RecursionError"):
        parse_answers(b"# my answers\ntask01: text\n")


@pytest.mark.parametrize("answers_text, expected", [
    (b"task38:\n  conv_output_shape:\n  pooled_output_shape: ''\n",
     "answers.yaml has no answer for task38.conv_output_shape and task38.pooled_output_shape"),
    (None, "task38.conv_output_shape and task38.pooled_output_shape are unanswered: no answers.yaml"),
])
def test_every_unanswered_key_is_named(grader, tmp_path, answers_text, expected):
    from conftest import task_of

    (tmp_path / "hw").mkdir()
    if answers_text is not None:
        (tmp_path / "hw" / "answers.yaml").write_bytes(answers_text)
    task = task_of(grader.grade(tmp_path / "hw", tasks=("task38",)), "task38")
    assert task.status == "missing" and task.reason.startswith(expected), task.reason


def test_the_answers_headline_names_the_unanswered_keys():
    from pathlib import Path

    from grader.checks.scoring import score_task
    from grader.domain import CheckResult, Submission, TaskSpec

    def answer(key, missing):
        return CheckResult("task29", f"test_{key}", key, "failed" if missing else "passed", 0.0, 1.0, "hidden",
                           f"answers.yaml has no answer for task29.{key}" if missing else "", missing=missing,
                           part="answers")

    spec = TaskSpec(id="task29", quiz_task=29, title="CNNs", folder=Path("."), module="task29_cnn")
    code = CheckResult("task29", "test_a", "a", "passed", 1.0, 1.0, "public")
    both = score_task(spec, [code, answer("params_per_layer", True), answer("output_shapes", True)],
                      Submission(id="s", path=Path(".")))
    assert both.reason == ("code: all checks passed; answers: missing "
                           "(task29.params_per_layer, task29.output_shapes)")
    one = score_task(spec, [code, answer("params_per_layer", True), answer("output_shapes", False)],
                     Submission(id="s", path=Path(".")))
    assert one.reason == "code: all checks passed; answers: answers.yaml has no answer for task29.params_per_layer"
