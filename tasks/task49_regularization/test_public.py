"""Task 49, public checks: the model trains one step and carries an L2 regularizer."""

import math

import pytest

from grader.testing import require_no_error
from grader.testing.trainability import check_every_variable_trains


@pytest.mark.points(1)
def test_train_step_returns_loss(probe):
    """train_step(image, target) returns a finite scalar loss"""
    returned = require_no_error(probe.decay_step(), "step_error")["returned"]
    assert returned is not None and math.isfinite(returned), (
        f"train_step returned {returned!r}; return the (scalar) loss of the step.")


@pytest.mark.points(1)
def test_conv_kernel_regularised(probe):
    """The Conv2D kernel has an L2(0.01) regularizer"""
    step = probe.decay_step()
    assert step["l2"] is not None and step["losses_count"] >= 1, (
        "The Conv2D layer has no kernel_regularizer: pass kernel_regularizer="
        "tf.keras.regularizers.L2(0.01).")
    assert math.isclose(step["l2"], 0.01, rel_tol=1e-3), f"The L2 factor is {step['l2']}, not 0.01."


@pytest.mark.points(1)
def test_every_variable_trains(probe):
    """Every trainable variable of a freshly built Classifier gets a gradient and changes the output"""
    check_every_variable_trains(probe.trainability(), "Classifier()")
