"""Task 8, hidden checks: mse squares the errors, weighs all elements alike, and
mse_gradient is the derivative of the student's mse with respect to the predictions.

Whether the squared errors are averaged (MSE) or summed (SE) is Task 9's question and is
graded there; here every check holds for any constant normalisation.
"""

import numpy as np
import pytest

from grader.testing import array


def loss_value(observed):
    """The loss as one number; the mean of the values when mse returns several (the public
    check 'mse returns one number' names that fault, so the others judge the numbers)."""
    number = observed["number"]
    assert number is not None, f"mse returned {observed['kind']}, not numbers."
    return number


@pytest.mark.points(2)
def test_mse_is_squared_error(probe):
    """mse squares the errors: 0 for perfect predictions, symmetric in the sign, quadratic in size"""
    scaled = {factor: loss_value(value) for factor, value in probe.losses()["scaled"]}
    base = scaled[1.0]
    assert abs(scaled[0.0]) <= 1e-12, (
        f"mse is {scaled[0.0]:g} for perfect predictions (predictions == targets); it must be 0.")
    if base != 0 and abs(scaled[-1.0] + base) <= 1e-5 * abs(base):
        raise AssertionError(
            "mse changes sign when the errors change sign: the errors are not squared. Without "
            "the square, positive and negative errors cancel out (a model can be wrong everywhere "
            "with a loss of 0). Square the errors: np.mean((predictions - targets) ** 2).")
    assert base > 0, f"mse is {base:g} for wrong predictions; a squared error is positive."
    assert abs(scaled[-1.0] - base) <= 1e-5 * base, (
        "mse differs for errors of opposite sign; square the errors so that over- and "
        "under-prediction cost the same.")
    growth = scaled[2.0] / base
    assert abs(growth - 4) <= 1e-5 and abs(scaled[0.5] / base - 0.25) <= 1e-5, (
        f"Doubling every error multiplies your mse by {growth:.3g}; the squared error grows by 4. "
        + ("You compute the absolute error (MAE): square the errors instead of taking np.abs."
           if abs(growth - 2) < 1e-3 else "Square each error: (predictions - targets) ** 2."))


@pytest.mark.points(2)
def test_mse_averages_all_elements(probe):
    """mse weighs every element alike: the same errors in any shape give the same loss"""
    obs = probe.losses()
    base = loss_value(obs["loss"])
    for item in obs["reshaped"]:
        value = loss_value(item["loss"])
        assert abs(value - base) <= 1e-5 * abs(base), (
            f"The same 12 errors give mse {base:.6g} as a (4, 3) array but {value:.6g} reshaped to "
            f"{tuple(item['shape'])}: the mean must run over all elements, not over the rows only. "
            "Divide by the number of elements (errors.size, or use np.mean without an axis), not "
            "by len(targets).")
    for item in obs["permuted"]:
        value = loss_value(item)
        assert abs(value - base) <= 1e-5 * abs(base), (
            f"The same 12 pairs of targets and predictions in another order give mse {value:.6g} "
            f"instead of {base:.6g}: some elements count more than others. Average over every "
            "element alike (np.mean without an axis).")


@pytest.mark.points(2)
def test_gradient_matches_finite_differences(probe):
    """mse_gradient is the derivative of mse with respect to the predictions"""
    for shape in [(5,), (4, 3), (2, 3, 4)]:
        obs = probe.gradient(shape=shape)
        got = array(obs["gradient"]["values"], shape=shape)
        numeric = (obs["loss_plus"] - obs["loss_minus"]) / (2 * obs["step"])
        assert np.all(np.isfinite(numeric)), (
            "mse returned NaN, infinity or no number at all near these predictions, so its "
            "derivative cannot be measured.")
        scale = max(float(np.max(np.abs(numeric))), 1e-12)
        if np.max(np.abs(got - numeric)) <= 1e-3 * scale:
            continue
        factor = float(np.sum(got * numeric) / max(np.sum(numeric * numeric), 1e-300))
        if abs(factor + 1) < 1e-2:
            hint = ("it has the wrong sign: you differentiated with respect to the targets. The "
                    "derivative with respect to the predictions is 2 * (predictions - targets) / n.")
        elif abs(factor - 0.5) < 1e-2:
            hint = ("it is half the derivative: the factor 2 from the square is missing, "
                    "2 * (predictions - targets) / n.")
        elif abs(factor - 2) < 1e-2:
            hint = "it is twice the derivative: d/dp (p - t)^2 = 2 (p - t), the factor 2 only once."
        else:
            hint = (f"it is {factor:.3g} times the numerical derivative; for the mean over n elements "
                    "the gradient is 2 * (predictions - targets) / n.")
        raise AssertionError(
            f"For predictions of shape {shape}, mse_gradient does not match the finite-difference "
            f"derivative of your mse: {hint} Numerical derivative (first entries): "
            f"{np.round(numeric.reshape(-1)[:3], 5).tolist()}, yours: "
            f"{np.round(got.reshape(-1)[:3], 5).tolist()}.")
