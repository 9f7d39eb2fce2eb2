"""Task 15, public checks: the shape of the training code."""

import numpy as np
import pytest

from grader.testing import not_judged


@pytest.mark.points(2)
def test_train_step_is_tf_function(probe):
    """train_step is a tf.function"""
    assert probe.train_epochs()["step_is_function"], (
        "train_step is not a tf.function: decorate it with @tf.function so that each batch "
        "runs as a graph.")


@pytest.mark.points(1)
def test_train_epoch_returns_mean_loss(probe):
    """train_epoch returns the mean of the batch losses as a Python float"""
    report = probe.train_epochs()
    epoch = report["epochs"][0]
    if report["epoch_is_function"]:
        not_judged("train_epoch is a tf.function, so it cannot return a Python float; the check "
                   "that the epoch loop runs in Python names this.",
                   because="test_epoch_loop_outside_tf_function")
    assert epoch["returned_type"] in ("float", "float32", "float64"), (
        f"train_epoch returned {epoch['returned_kind']}; return a Python float "
        "(e.g. float(mean_loss)).")
    if epoch["step_losses"]:
        mean = float(np.mean(epoch["step_losses"]))
        assert epoch["returned"] is not None and abs(epoch["returned"] - mean) <= 1e-4 * max(1, abs(mean)), (
            f"train_epoch returned {epoch['returned']}, but the batch losses average {mean:.6f}.")
