"""Task 49, hidden checks: the regularization loss is really minimised."""

import numpy as np
import pytest

from grader.testing import array, require_no_error
from grader.testing.trainability import check_train_step_updates_every_variable


@pytest.mark.points(1)
def test_architecture(probe):
    """Conv2D(40, 4x4, strides 4, tanh, same), Flatten, Dense(10, softmax)"""
    layers = probe.decay_step()["layers"]
    assert [layer["kind"] for layer in layers] == ["Conv2D", "Flatten", "Dense"], (
        "Keep the quiz's layers: Conv2D, Flatten, Dense.")
    conv, dense = layers[0], layers[2]
    assert (conv["config"]["filters"], conv["config"]["kernel_size"], conv["config"]["strides"],
            conv["config"]["padding"], conv["activation"]) == (40, [4, 4], [4, 4], "same", "tanh"), (
        "The Conv2D layer must have 40 filters, 4x4 kernels, strides 4, padding 'same' and tanh.")
    assert dense["config"]["units"] == 10 and dense["activation"] == "softmax", (
        "The output layer is Dense(10, softmax).")


@pytest.mark.points(2)
def test_returned_loss_includes_regularization(probe):
    """The loss returned by train_step includes the regularization losses"""
    step = require_no_error(probe.decay_step(), "step_error")
    data, penalty, returned = step["data_loss"], step["regularization_loss"], step["returned"]
    assert returned is not None and abs(returned - (data + penalty)) <= 1e-4 * max(1.0, abs(data)), (
        f"train_step returned {returned:.6f}; the data loss is {data:.6f} and the regularization "
        f"loss {penalty:.6f}. Add sum(self.losses) to the loss (the quiz's fault: the L2 penalty "
        "is collected by Keras but never added).")


@pytest.mark.points(2)
def test_kernel_update_includes_weight_decay(probe):
    """One SGD step shrinks the Conv2D kernel as L2 weight decay predicts"""
    step = require_no_error(probe.decay_step(), "step_error")
    before, after = array(step["kernel_before"]), array(step["kernel_after"], shape=step["kernel_before"].shape)
    gradient = array(step["data_gradient"], shape=before.shape)
    rate, l2 = step["learning_rate"], step["l2"] or 0.01
    decay = rate * 2 * l2 * before
    with_decay, without_decay = before - rate * gradient - decay, before - rate * gradient
    error_with = float(np.max(np.abs(after - with_decay)))
    error_without = float(np.max(np.abs(after - without_decay)))
    assert error_with <= 0.25 * float(np.max(np.abs(decay))) and error_with < error_without, (
        "The kernel update does not contain the weight-decay term (2 x 0.01 x kernel per unit of "
        "learning rate): the gradient is taken of a loss without the regularization losses. "
        "Add sum(self.losses) to the loss inside the GradientTape.")


@pytest.mark.points(1)
def test_train_step_updates_every_variable(probe):
    """train_step changes every trainable variable of the model"""
    check_train_step_updates_every_variable(probe.trainability(), probe.train_step_report)
