"""Task 6, public checks: the MLP's parameters, forward pass, backward pass and step run."""

import math

import numpy as np
import pytest

from grader.testing import assert_probabilities

SIZES = [4, 5, 3]


@pytest.mark.points(1)
def test_params_layout(probe):
    """MLP([4, 5, 3]).params holds one (W, b) pair per layer, W shaped (n_in, n_out)"""
    params = probe.structure()
    if params["layout"] == "pairs":
        return
    example = "params = [(W1, b1), (W2, b2)] with W1 of shape (4, 5), b1 of 5 values, W2 (5, 3), b2 3"
    if params["layout"]:
        raise AssertionError(
            f"MLP([4, 5, 3]).params holds {params['words']}; TASKS.md requires {params['required']}: "
            f"{example} (and backward returns (dW, db) pairs in the same order). The grader read "
            "your layout for the other checks, but graders and other code rely on this one.")
    raise AssertionError(f"{params['problem']} Expected: {example}.")


@pytest.mark.points(1)
def test_forward_returns_probabilities(probe):
    """forward(x) maps a batch (6, 4) to probabilities (6, 3)"""
    probs = probe.own_forward()["probs"]
    assert probs["is_ndarray"], f"forward returned {probs['kind']}; return a NumPy array."
    values = probs["values"]
    assert values.shape == (6, 3), (
        f"forward returned shape {values.shape} for a batch of 6 inputs; expected (6, 3): "
        "one row of class probabilities per example.")
    assert np.all(np.isfinite(values)), "forward returned NaN or infinity."
    assert_probabilities(values, "The rows of forward's output", "apply softmax to the output layer.",
                         per="example", atol=1e-5)


@pytest.mark.points(1)
def test_backward_returns_gradient_per_layer(probe):
    """backward(x, targets) returns one (dW, db) pair per layer, shaped like (W, b)"""
    grads = probe.gradients(own=True)
    assert all(np.all(np.isfinite(d)) for d in grads["dW"] + grads["db"]), (
        "backward returned NaN or infinity.")


@pytest.mark.points(1)
def test_step_returns_finite_loss(probe):
    """step(x, targets, learning_rate) returns the loss as a finite number"""
    returned = probe.own_step()["returned"]
    value = returned["value"]
    shown = "" if value is None else f" ({value})"
    assert value is not None and math.isfinite(value), (
        f"step returned {returned['kind']}{shown}; return the loss of the batch as one number, "
        "e.g. float(loss).")
