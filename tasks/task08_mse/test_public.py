"""Task 8, public checks: mse returns a number, mse_gradient an array shaped like the predictions."""

import math

import pytest


@pytest.mark.points(1)
def test_mse_returns_scalar(probe):
    """mse(targets, predictions) returns one finite number for a (4, 3) batch"""
    loss = probe.losses()["loss"]
    assert loss["size"] == 1, (
        f"mse returned a {loss['type']} with {loss['size']} values for arrays of shape (4, 3); "
        "return one number: the mean over all elements (np.mean without an axis).")
    assert math.isfinite(loss["value"]), f"mse returned {loss['value']}."


@pytest.mark.points(1)
def test_gradient_has_prediction_shape(probe):
    """mse_gradient returns a NumPy array shaped like the predictions"""
    for shape in [(5,), (4, 3)]:
        grad = probe.gradient(shape=shape)["gradient"]
        assert grad["is_ndarray"], f"mse_gradient returned a {grad['type']}; return a NumPy array."
        assert grad["values"].shape == shape, (
            f"mse_gradient returned shape {grad['values'].shape} for predictions of shape {shape}; "
            "the gradient has one entry per prediction.")
