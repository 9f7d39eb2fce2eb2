"""Task 29, public checks: the CNN maps MNIST-shaped images to ten class probabilities."""

import pytest

from grader.testing.models import check_classifier_output
from grader.testing.trainability import check_every_variable_trains


@pytest.mark.points(1)
def test_outputs_ten_probabilities(probe):
    """build_cnn() returns a Model that maps (b, 28, 28, 1) to (b, 10) probabilities"""
    check_classifier_output(probe.describe(), "build_cnn()",
                            "The model's output has shape {shape} for a batch of 2 images; expected (2, 10).")


@pytest.mark.points(1)
def test_total_parameters(probe):
    """The CNN has 9,098 parameters"""
    total = probe.describe()["total_params"]
    assert total == 9098, (
        f"The model has {total:,} parameters; the architecture in the task has 9,098. "
        "Compare filters, kernel sizes and padding with the task.")


@pytest.mark.points(1)
def test_every_variable_trains(probe):
    """Every trainable variable of a freshly built CNN gets a gradient and changes the output"""
    check_every_variable_trains(probe.trainability(), "the model build_cnn() returns")
