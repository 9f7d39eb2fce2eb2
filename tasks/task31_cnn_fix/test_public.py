"""Task 31, public checks: build_model() maps MNIST-shaped images to class probabilities."""

import pytest

from grader.testing import array, check_num_classes
from grader.testing.models import check_classifier_output
from grader.testing.trainability import check_every_variable_trains


@pytest.mark.points(1)
def test_outputs_probabilities(probe):
    """build_model() returns a Model that maps (b, 28, 28, 1) to (b, 10) probabilities"""
    check_classifier_output(probe.architecture(), "build_model()", (
        "For a batch of 2 images of shape (28, 28, 1) the model returns shape {shape}; "
        "expected (2, 10): end with Flatten and Dense(num_classes)."))


@pytest.mark.points(1)
def test_num_classes_respected(probe):
    """build_model(num_classes=k) outputs k probabilities per image"""
    check_num_classes(lambda k: array(probe.architecture(num_classes=k)["output"]), "build_model")


@pytest.mark.points(1)
def test_every_variable_trains(probe):
    """Every trainable variable of a freshly built model gets a gradient and changes the output"""
    check_every_variable_trains(probe.trainability(), "the model build_model() returns")
