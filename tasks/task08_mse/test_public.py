"""Task 8, public checks: mse returns a number, mse_gradient an array shaped like the predictions."""

import math

import pytest


@pytest.mark.points(1)
def test_mse_returns_scalar(probe):
    """mse(targets, predictions) returns one finite number for a (4, 3) batch"""
    loss = probe.losses()["loss"]
    assert loss["size"] is not None, f"mse returned {loss['kind']}, not a number."
    what = ("the squared error of each element" if loss["size"] == 12 else
            "a mean along one axis only")
    assert loss["size"] == 1, (
        f"mse returned {loss['kind']} with {loss['size']} values for arrays of shape (4, 3): "
        "it must return one number, the mean of the squared errors over all elements "
        f"(np.mean without an axis), not {what}.")
    assert math.isfinite(loss["value"]), f"mse returned {loss['value']}."


@pytest.mark.points(1)
def test_gradient_has_prediction_shape(probe):
    """mse_gradient returns a NumPy array shaped like the predictions"""
    for shape in [(5,), (4, 3)]:
        grad = probe.gradient(shape=shape)["gradient"]
        assert grad["is_ndarray"], f"mse_gradient returned {grad['kind']}; return a NumPy array."
        assert grad["values"].shape == shape, (
            f"mse_gradient returned shape {grad['values'].shape} for predictions of shape {shape}; "
            "the gradient has one entry per prediction.")
