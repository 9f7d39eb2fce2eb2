"""Task 31, public checks: build_model() maps MNIST-shaped images to class probabilities."""

import numpy as np
import pytest

from grader.testing import array
from grader.testing.models import assert_is_model
from grader.testing.trainability import check_every_variable_trains


@pytest.mark.points(1)
def test_outputs_probabilities(probe):
    """build_model() returns a Model that maps (b, 28, 28, 1) to (b, 10) probabilities"""
    architecture = probe.architecture()
    output = array(architecture["output"])
    assert output.shape == (2, 10), (
        f"For a batch of 2 images of shape (28, 28, 1) the model returns shape {output.shape}; "
        "expected (2, 10): end with Flatten and Dense(num_classes).")
    assert output.min() >= 0 and np.allclose(output.sum(axis=1), 1, atol=1e-4), (
        "The outputs are not probabilities (they do not sum to 1 per image): give the last "
        "Dense layer a softmax activation.")
    assert_is_model(architecture, "build_model()")


@pytest.mark.points(1)
def test_num_classes_respected(probe):
    """build_model(num_classes=k) outputs k probabilities per image"""
    for classes in (2, 5, 17):
        output = array(probe.architecture(num_classes=classes)["output"])
        assert output.shape == (2, classes), (
            f"build_model(num_classes={classes}) returns outputs of shape {output.shape} for 2 "
            f"images; expected (2, {classes}). Use the num_classes argument as the number of "
            "units of the last Dense layer instead of a fixed 10.")


@pytest.mark.points(1)
def test_every_variable_trains(probe):
    """Every trainable variable of a freshly built model gets a gradient and changes the output"""
    check_every_variable_trains(probe.trainability(), "the model build_model() returns")
