"""Task 46, public checks: build_mlp() maps flat images to class probabilities."""

import numpy as np
import pytest

from grader.testing import array
from grader.testing.models import assert_is_model
from grader.testing.trainability import check_every_variable_trains


@pytest.mark.points(1)
def test_outputs_probabilities(probe):
    """build_mlp() returns a Model that maps (b, 784) to (b, 10) probabilities"""
    built = probe.build()
    output = array(built["output"])
    assert output.shape == (2, 10), (
        f"For a batch of 2 flat images of shape (784,) the model returns shape {output.shape}; "
        "expected (2, 10).")
    assert output.min() >= 0 and np.allclose(output.sum(axis=1), 1, atol=1e-4), (
        "The outputs are not probabilities (they do not sum to 1 per image): give the last "
        "Dense layer a softmax activation.")
    assert_is_model(built, "build_mlp()")


@pytest.mark.points(1)
def test_num_classes_respected(probe):
    """build_mlp(num_classes=k) outputs k probabilities per image"""
    for classes in (2, 5, 26):
        output = array(probe.build(num_classes=classes)["output"])
        assert output.shape == (2, classes), (
            f"build_mlp(num_classes={classes}) returns outputs of shape {output.shape} for 2 "
            f"images; expected (2, {classes}). Use the num_classes argument as the number of "
            "units of the last Dense layer instead of a fixed 10.")


@pytest.mark.points(1)
def test_every_variable_trains(probe):
    """Every trainable variable of a freshly built MLP gets a gradient and changes the output"""
    check_every_variable_trains(probe.trainability(), "the model build_mlp() returns")
