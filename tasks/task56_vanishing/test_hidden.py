"""Task 56, hidden checks: tanh saturates and its gradients vanish in deep stacks, ReLU's
do not (for active units). Everything is computed from the student's own functions."""

import numpy as np
import pytest

from grader.testing import array, check_choice


@pytest.mark.points(2)
def test_tanh_derivative_vanishes_for_large_inputs(probe):
    """tanh_derivative(z) is (almost) 0 for |z| >= 5, up to |z| = 1000"""
    obs = probe.saturation()
    z, out = obs["z"], obs["tanh_derivative"]
    values = array(out["values"], shape=z.shape, finite=False)
    broken = [float(v) for v, ok in zip(z, np.isfinite(values)) if not ok]
    assert not broken, (
        f"tanh_derivative returns NaN or infinity at z = {broken}: computing tanh (or its "
        "derivative) from np.exp overflows for large |z| (exp(1000) is infinite, inf / inf is "
        "NaN). Saturated units have a derivative of 0, not NaN: use np.tanh, 1 - np.tanh(z) ** 2.")
    large = np.max(np.abs(values))
    if large >= 1e-3 and np.allclose(values, 1 - z ** 2):
        raise AssertionError(
            "tanh_derivative(z) returns 1 - z**2, which grows without bound instead of vanishing: "
            "that formula expects the activation tanh(z), but the derivative takes the "
            "pre-activation z. Use 1 - np.tanh(z) ** 2, which is below 2e-4 for |z| >= 5.")
    assert large < 1e-3, (
        f"tanh_derivative is {large:.3g} somewhere at |z| >= 5; tanh saturates there and "
        f"1 - tanh(z)^2 is below 2e-4. Values at z = {z.tolist()}: {np.round(values, 6).tolist()}.")


@pytest.mark.points(1)
def test_relu_derivative_does_not_vanish(probe):
    """relu_derivative(z) stays 1 for large positive z and is 0 for negative z"""
    obs = probe.saturation()
    z, values = obs["z"], array(obs["relu_derivative"]["values"], shape=obs["z"].shape, finite=False)
    assert np.array_equal(values, (z > 0).astype(float)), (
        f"relu_derivative at z = {z.tolist()} returned {values.tolist()}; ReLU does not "
        "saturate: its derivative is 1 for every z > 0, however large, and 0 for z < 0.")


@pytest.mark.points(2)
def test_gradient_vanishes_through_deep_tanh_stack(probe):
    """Through 20 layers the tanh gradient shrinks far more than the ReLU gradient"""
    obs = probe.deep_stack()
    depth = obs["depth"]
    gains = {}
    for name in ("tanh", "relu"):
        factors = array(obs[name]["factors"], finite=False)
        assert np.all(np.isfinite(factors)), f"{name}_derivative returned NaN or infinity in the stack."
        gains[name] = float(np.mean(np.abs(np.prod(factors, axis=0))))
    assert gains["relu"] >= 0.5, (
        f"Through {depth} active ReLU layers the gradient is multiplied by {gains['relu']:.3g}; "
        "relu_derivative is 1 for every z > 0, so it should pass the gradient on unchanged.")
    assert gains["tanh"] <= 1e-3 * gains["relu"], (
        f"Through {depth} tanh layers the gradient is multiplied by {gains['tanh']:.3g}, through "
        f"ReLU layers by {gains['relu']:.3g}. tanh_derivative(z) = 1 - tanh(z)^2 is below 1 for "
        "every z != 0, so the product over many layers should vanish; check tanh_derivative.")


@pytest.mark.points(2)
def test_answer_more_vanishing(answers):
    """answers.yaml: task56.more_vanishing"""
    check_choice(answers["more_vanishing"], ("tanh", "relu"), "tanh", (
        "tanh is more prone to vanishing gradients: it saturates for large |z|, where its "
        "derivative 1 - tanh(z)^2 is close to 0, and it is below 1 everywhere except at 0, so "
        "the product over many layers shrinks. ReLU's derivative is exactly 1 for every active "
        "unit."))
