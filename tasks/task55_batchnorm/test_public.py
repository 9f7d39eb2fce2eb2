"""Task 55, public checks: the classifier predicts and trains."""

import math

import pytest

from grader.testing import array, assert_probabilities, require_no_error
from grader.testing.trainability import check_every_variable_trains


@pytest.mark.points(1)
def test_outputs_probabilities(probe):
    """The model maps (b, 784) to (b, 10) probabilities"""
    output = array(probe.batchnorm_behaviour()["output"])
    assert output.shape == (32, 10), f"For 32 inputs the model returned shape {output.shape}; expected (32, 10)."
    assert_probabilities(output)


@pytest.mark.points(1)
def test_train_step_returns_loss(probe):
    """train_step(image, target) runs and returns a finite loss"""
    report = require_no_error(probe.batchnorm_behaviour(), "step_error")
    assert report["loss"] is not None and math.isfinite(report["loss"]), (
        f"train_step returned {report['loss']!r}; return the loss.")


@pytest.mark.points(1)
def test_every_variable_trains(probe):
    """Every trainable variable of a freshly built Classifier gets a gradient and changes the output"""
    check_every_variable_trains(probe.trainability(), "Classifier()")
