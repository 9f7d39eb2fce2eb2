"""Task 6, public checks: the MLP's parameters, forward pass, backward pass and step run."""

import math

import numpy as np
import pytest

SIZES = [4, 5, 3]


@pytest.mark.points(1)
def test_params_layout(probe):
    """MLP([4, 5, 3]).params holds one (W, b) pair per layer, W shaped (n_in, n_out)"""
    params = probe.structure()
    shapes = [tuple(w.shape) for w in params["W"]]
    assert shapes == [(4, 5), (5, 3)], (
        f"MLP([4, 5, 3]).params holds weight matrices of shapes {shapes}; expected [(4, 5), (5, 3)]: "
        "one (W, b) pair per layer, W shaped (n_in, n_out) so that a layer computes x @ W + b.")
    sizes = [b.size for b in params["b"]]
    assert sizes == [5, 3], f"The biases have {sizes} values; expected one per unit: [5, 3]."


@pytest.mark.points(1)
def test_forward_returns_probabilities(probe):
    """forward(x) maps a batch (6, 4) to probabilities (6, 3)"""
    probs = probe.forward()["probs"]
    assert probs["is_ndarray"], f"forward returned a {probs['type']}; return a NumPy array."
    values = probs["values"]
    assert values.shape == (6, 3), (
        f"forward returned shape {values.shape} for a batch of 6 inputs; expected (6, 3): "
        "one row of class probabilities per example.")
    assert np.all(np.isfinite(values)), "forward returned NaN or infinity."
    assert values.min() >= 0 and np.allclose(values.sum(axis=1), 1, atol=1e-5), (
        "The rows of forward's output are not probabilities (non-negative, summing to 1): "
        "apply softmax to the output layer.")


@pytest.mark.points(1)
def test_backward_returns_gradient_per_layer(probe):
    """backward(x, targets) returns one (dW, db) pair per layer, shaped like (W, b)"""
    grads = probe.gradients()
    shapes = [tuple(d.shape) for d in grads["dW"]]
    assert shapes == [(4, 5), (5, 3)], (
        f"backward returned dW of shapes {shapes}; each dW must have the shape of its W.")
    assert all(np.all(np.isfinite(d)) for d in grads["dW"] + grads["db"]), (
        "backward returned NaN or infinity.")


@pytest.mark.points(1)
def test_step_returns_finite_loss(probe):
    """step(x, targets, learning_rate) returns the loss as a finite number"""
    returned = probe.one_step()["returned"]
    assert returned["value"] is not None and math.isfinite(returned["value"]), (
        f"step returned a {returned['type']} ({returned['value']}); return the loss of the batch "
        "as a float, e.g. float(loss).")
