"""answers.yaml reading and the tolerant answer normalisers."""

from __future__ import annotations

import pytest

from grader.answers import AnswersError, parse_answers
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
