"""Task 46, public checks: build_mlp() maps flat images to class probabilities."""

import pytest

from grader.testing import array, check_num_classes
from grader.testing.models import check_classifier_output
from grader.testing.trainability import check_every_variable_trains


@pytest.mark.points(1)
def test_outputs_probabilities(probe):
    """build_mlp() returns a Model that maps (b, 784) to (b, 10) probabilities"""
    check_classifier_output(probe.build(), "build_mlp()", (
        "For a batch of 2 flat images of shape (784,) the model returns shape {shape}; expected (2, 10)."))


@pytest.mark.points(1)
def test_num_classes_respected(probe):
    """build_mlp(num_classes=k) outputs k probabilities per image"""
    check_num_classes(lambda k: array(probe.build(num_classes=k)["output"]), "build_mlp", classes=(2, 5, 26))


@pytest.mark.points(1)
def test_every_variable_trains(probe):
    """Every trainable variable of a freshly built MLP gets a gradient and changes the output"""
    check_every_variable_trains(probe.trainability(), "the model build_mlp() returns")
