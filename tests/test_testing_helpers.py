"""The family checks of grader.testing: each passes on correct data and names the cause otherwise."""

from __future__ import annotations

import numpy as np
import pytest

from grader.testing import (BadAnswer, NotJudged, array, assert_probabilities, check_choice, check_num_classes,
                            check_output_shapes, require_no_error)
from grader.testing.models import check_classifier_output, check_quiz_convolutions
from grader.testing.pooling import check_model_builds_and_runs, describe_pooling
from grader.testing.probabilities import probability_fault
from grader.testing.reference_ops import assert_close, largest_difference
from grader.testing.shapes import shape_matches
from grader.testing.trainability import check_every_variable_trains, check_train_step_updates_every_variable

SOFTMAX = np.array([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]], dtype=np.float32)


# The outputs are probabilities

def test_probabilities_pass():
    assert probability_fault(SOFTMAX) is None
    assert_probabilities(SOFTMAX)


def test_logits_do_not_sum_to_one_and_the_fix_is_softmax():
    with pytest.raises(AssertionError) as failure:
        assert_probabilities(np.array([[2.0, -1.0, 0.5]]))
    assert str(failure.value) == ("The outputs are not probabilities (they do not sum to 1 per image): "
                                  "give the last Dense layer a softmax activation.")


def test_negative_values_that_sum_to_one_are_named():
    with pytest.raises(AssertionError, match=r"\(some are negative, down to -0.5\)"):
        assert_probabilities(np.array([[1.5, -0.5, 0.0]]))


def test_nan_is_named():
    with pytest.raises(AssertionError, match=r"\(they contain NaN or infinity\)"):
        assert_probabilities(np.array([[np.nan, 0.5, 0.5]]))


def test_where_fix_per_and_tolerance_are_the_callers():
    nearly = np.array([[0.5, 0.4999]])
    assert_probabilities(nearly, atol=1e-4)
    with pytest.raises(AssertionError) as failure:
        assert_probabilities(nearly, "The rows of forward's output", "apply softmax.", per="example", atol=1e-6)
    assert str(failure.value) == ("The rows of forward's output are not probabilities (they do not sum to "
                                  "1 per example): apply softmax.")


def _classifier(output, is_model=True):
    return {"output": output, "is_model": is_model, "model_class": "CNN (a class of the submission)"}


def test_classifier_output_passes_and_names_shape_probabilities_and_model_faults():
    good = np.full((2, 10), 0.1)
    check_classifier_output(_classifier(good), "build_cnn()", "shape {shape}")
    with pytest.raises(AssertionError, match=r"^shape \(2, 7\) for 2 images$"):
        check_classifier_output(_classifier(np.full((2, 7), 1 / 7)), "build_cnn()", "shape {shape} for 2 images")
    with pytest.raises(AssertionError, match="do not sum to 1 per image"):
        check_classifier_output(_classifier(np.ones((2, 10))), "build_cnn()", "shape {shape}")
    with pytest.raises(AssertionError, match="build_cnn\\(\\) returned CNN .* not a tf.keras.Model"):
        check_classifier_output(_classifier(good, is_model=False), "build_cnn()", "shape {shape}")


def _conv(filters, kernel=(3, 3), strides=(1, 1)):
    return {"kind": "Conv2D", "config": {"filters": filters, "kernel_size": list(kernel), "strides": list(strides)}}


def test_quiz_convolutions_pass_and_name_missing_filters_or_a_wrong_kernel():
    calls = [_conv(2), {"kind": "MaxPooling2D", "config": {}}, _conv(4)]
    assert check_quiz_convolutions(calls, [2, 4], "keep them.") == [calls[0], calls[2]]
    with pytest.raises(AssertionError, match=r"^The convolutions have \[2, 4\] filters; keep all three\.$"):
        check_quiz_convolutions(calls, [2, 4, 8], "keep all three.")
    with pytest.raises(AssertionError, match=r"kernel_size \[5, 5\] and strides \[1, 1\]; the quiz's"):
        check_quiz_convolutions([_conv(2), _conv(4, kernel=(5, 5))], [2, 4], "keep them.")


# Output shapes per configuration

def _setting(config):
    return f"Block({config['filters']})"


def _expected(config):
    return [2, 4, 4, config["filters"]]


def _config(filters, shape=None, error=None):
    return {"filters": filters, "output_shape": shape, "error": error}


def test_shapes_pass_for_every_configuration():
    check_output_shapes([_config(3, [2, 4, 4, 3]), _config(8, [2, 4, 4, 8])], _setting, _expected, "{setting}")


def test_a_wrong_shape_names_its_configuration_and_both_shapes():
    configs = [_config(3, [2, 4, 4, 3]), _config(8, [2, 4, 4, 3])]
    with pytest.raises(AssertionError) as failure:
        check_output_shapes(configs, _setting, _expected, "{setting} returned {got}; expected {expected}.")
    assert str(failure.value) == "Block(8) returned (2, 4, 4, 3); expected (2, 4, 4, 8)."


def test_an_error_is_reported_with_the_hint_or_alone():
    configs = [_config(8, error="ValueError: shapes differ")]
    with pytest.raises(AssertionError) as failure:
        check_output_shapes(configs, _setting, _expected, "{setting}", lambda config: "Project the shortcut.")
    assert str(failure.value) == "Block(8) raised ValueError: shapes differ. Project the shortcut."
    with pytest.raises(AssertionError) as failure:
        check_output_shapes(configs, _setting, _expected, "{setting}")
    assert str(failure.value) == "Block(8) raised ValueError: shapes differ."


def test_none_in_the_expected_shape_stands_for_any_size():
    assert shape_matches([2, 4, 4, 7], [2, 4, 4, None])
    assert not shape_matches([2, 4, 4], [2, 4, 4, None])
    assert not shape_matches(None, [2])


def test_num_classes_pass_and_a_fixed_ten_is_named():
    check_num_classes(lambda k: np.zeros((2, k)), "build_model")
    with pytest.raises(AssertionError) as failure:
        check_num_classes(lambda k: np.zeros((2, 10)), "build_mlp", classes=(2, 26))
    assert str(failure.value).startswith(
        "build_mlp(num_classes=2) returns outputs of shape (2, 10) for 2 images; expected (2, 2). "
        "Use the num_classes argument")


# Every variable trains

def _trainability(has_gradient, changes_output, tf_function=False):
    names = [f"dense/v{i}" for i in range(len(has_gradient))]
    return {"error": None, "variables": names, "has_gradient": has_gradient,
            "changes_output": changes_output, "call_is_tf_function": tf_function}


def test_every_variable_trains_passes_and_names_a_stuck_variable():
    check_every_variable_trains(_trainability([True, True], [True, True]), "the model")
    with pytest.raises(AssertionError, match=r"1 of 2 trainable variables of the model \(dense/v1\)"):
        check_every_variable_trains(_trainability([True, False], [True, False]), "the model")


def test_every_variable_trains_names_the_keras3_trap():
    with pytest.raises(AssertionError, match="Keras 3 trap"):
        check_every_variable_trains(_trainability([False, False], [False, False], tf_function=True), "the model")


def test_train_step_updates_every_variable_names_the_unchanged_ones():
    trains = _trainability([True, True], [True, True])
    check_train_step_updates_every_variable(trains, lambda: {"variables": ["a", "b"], "changed": [True, True]})
    with pytest.raises(AssertionError, match="never change during train_step: b\\. Take the gradients"):
        check_train_step_updates_every_variable(trains, lambda: {"variables": ["a", "b"], "changed": [True, False]})
    with pytest.raises(AssertionError, match="Your code raised ValueError: boom"):
        check_train_step_updates_every_variable(trains, lambda: {"error": "ValueError: boom"})


def test_train_step_check_is_not_judged_and_reads_no_report_when_no_weight_trains():
    def report():
        raise AssertionError("the report must not be asked for")
    with pytest.raises(NotJudged) as outcome:
        check_train_step_updates_every_variable(_trainability([False], [False]), report)
    assert outcome.value.because == "test_every_variable_trains"


# Observation errors

def test_require_no_error_passes_the_observation_through_and_names_the_error():
    observation = {"error": None, "value": 1}
    assert require_no_error(observation) is observation
    with pytest.raises(AssertionError, match="^Your code raised ValueError: bad$"):
        require_no_error({"step_error": "ValueError: bad"}, "step_error")
    with pytest.raises(AssertionError, match="Remove @tf.function from `call`"):
        require_no_error({"error": "ValueError: No gradients", "call_is_tf_function": True})
    with pytest.raises(AssertionError, match=r"^softmax raised ValueError: axis for logits around 1000\.$"):
        require_no_error({"error": "ValueError: axis"}, who="softmax", after=" for logits around 1000.")


def test_array_checks_kind_shape_and_finiteness():
    assert array(SOFTMAX, shape=(2, 3)) is SOFTMAX
    with pytest.raises(AssertionError, match="expected a numeric array, got list"):
        array([1.0])
    with pytest.raises(AssertionError, match=r"expected shape \(3, 2\), got \(2, 3\)"):
        array(SOFTMAX, shape=(3, 2))
    with pytest.raises(AssertionError, match="NaN or infinity"):
        array(np.array([np.inf]))


# NumPy reference ops

def test_assert_close_passes_within_tolerance():
    assert_close(np.ones((2, 2)) + 1e-6, np.ones((2, 2)), "The block")


def test_assert_close_names_the_index_and_both_values():
    got = np.zeros((1, 2, 2, 1))
    got[0, 1, 0, 0] = 0.75
    with pytest.raises(AssertionError) as failure:
        assert_close(got, np.zeros((1, 2, 2, 1)), "The block")
    assert str(failure.value) == ("The block: the largest difference is at index [0, 1, 0, 0]: "
                                  "expected 0, got 0.75.")


def test_largest_difference_names_a_nan_and_a_shape_mismatch():
    assert "index [1]: expected 2, got nan" in largest_difference(np.array([1.0, np.nan]), np.array([1.0, 2.0]))
    assert largest_difference(np.zeros((2, 3)), np.zeros((2, 4))) == (
        "the output has shape (2, 3), the recomputation (2, 4)")


# The pooling checks of Tasks 37 and 43

def test_describe_pooling_as_a_layer_and_as_an_op_in_call():
    layer = {"kind": "MaxPooling2D", "pool_size": [2, 2], "strides": [1, 1]}
    assert describe_pooling(layer) == "MaxPooling2D(pool_size=(2, 2), strides=(1, 1))"
    written = {**layer, "kind": "AveragePooling2D", "written": True}
    assert describe_pooling(written) == "The average pooling in call (ksize=(2, 2), strides=(1, 1))"


def test_model_builds_and_runs_wants_one_row_per_image():
    check_model_builds_and_runs({"output": np.zeros((2, 10))})
    with pytest.raises(AssertionError, match=r"returns shape \(2, 7, 10\); expected \(2, num_classes\)"):
        check_model_builds_and_runs({"output": np.zeros((2, 7, 10))})


# A structured choice in answers.yaml

@pytest.mark.parametrize("written", ["MSE", " mse ", "'Mse'"])
def test_a_choice_in_any_harmless_spelling_passes(written):
    check_choice(written, ("MSE", "SE"), "MSE", "Choose the MSE.")


def test_the_other_choice_fails_with_the_explanation():
    with pytest.raises(AssertionError, match="^Choose the MSE: it does not grow with N.$"):
        check_choice("SE", ("MSE", "SE"), "MSE", "Choose the MSE: it does not grow with N.")


def test_a_choice_that_is_none_of_the_options_is_unreadable_not_wrong():
    with pytest.raises(BadAnswer, match="expected one of MSE, SE"):
        check_choice("the mean one", ("MSE", "SE"), "MSE", "Choose the MSE.")
