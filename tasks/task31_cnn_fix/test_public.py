"""Task 31, public checks: build_model() maps MNIST-shaped images to class probabilities."""

import numpy as np
import pytest

from grader.testing import array


@pytest.mark.points(1)
def test_outputs_probabilities(probe):
    """build_model() maps (b, 28, 28, 1) to (b, 10) probabilities"""
    output = array(probe.architecture()["output"])
    assert output.shape == (2, 10), (
        f"For a batch of 2 images of shape (28, 28, 1) the model returns shape {output.shape}; "
        "expected (2, 10): end with Flatten and Dense(num_classes).")
    assert output.min() >= 0 and np.allclose(output.sum(axis=1), 1, atol=1e-4), (
        "The outputs are not probabilities (they do not sum to 1 per image): give the last "
        "Dense layer a softmax activation.")


@pytest.mark.points(1)
def test_num_classes_respected(probe):
    """build_model(num_classes=k) outputs k probabilities per image"""
    for classes in (2, 5, 17):
        output = array(probe.architecture(num_classes=classes)["output"])
        assert output.shape == (2, classes), (
            f"build_model(num_classes={classes}) returns outputs of shape {output.shape} for 2 "
            f"images; expected (2, {classes}). Use the num_classes argument as the number of "
            "units of the last Dense layer instead of a fixed 10.")
