"""Task 10, hidden checks: every activation and derivative against NumPy, and softmax
over the last axis, numerically stable."""

import numpy as np
import pytest

from grader.testing import array, require_no_error


def stable_sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def stable_softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


EXPECTED = {
    "relu": lambda z: np.maximum(z, 0),
    "relu_derivative": lambda z: (z > 0).astype(float),
    "tanh": np.tanh,
    "tanh_derivative": lambda z: 1 - np.tanh(z) ** 2,
    "sigmoid": stable_sigmoid,
}


def compare(obs, name):
    """The first input where ``name`` differs from NumPy (z, got, expected), or None."""
    for z, out in ((obs["z"], obs["out"]), (obs["matrix"], obs["out_matrix"])):
        require_no_error(out, who=name, after=f" for an array of shape {z.shape}.")
        assert out["values"] is not None, f"{name} returned {out['kind']}, not numbers."
        got = array(out["values"], shape=z.shape, finite=False)
        want = EXPECTED[name](z)
        wrong = ~np.isclose(got, want, rtol=1e-5, atol=1e-6)
        if wrong.any():
            index = np.argmax(wrong.reshape(-1))
            return float(z.reshape(-1)[index]), float(got.reshape(-1)[index]), float(want.reshape(-1)[index])
    return None


@pytest.mark.points(1)
def test_relu(probe):
    """relu(z) = max(z, 0), element-wise"""
    bad = compare(probe.elementwise(name="relu"), "relu")
    assert bad is None, f"relu({bad[0]:g}) returned {bad[1]:g}; expected {bad[2]:g} = max(z, 0)." if bad else ""


@pytest.mark.points(1)
def test_relu_derivative(probe):
    """relu_derivative(z) is 1 for z > 0 and 0 otherwise, also relu_derivative(0) == 0"""
    bad = compare(probe.elementwise(name="relu_derivative"), "relu_derivative")
    if bad and bad[0] == 0:
        raise AssertionError(
            f"relu_derivative(0) returned {bad[1]:g}; the convention of the task is "
            "relu_derivative(0) == 0: use z > 0, not z >= 0.")
    assert bad is None, (
        f"relu_derivative({bad[0]:g}) returned {bad[1]:g}; expected {bad[2]:g}: 1 where z > 0, "
        "0 elsewhere (the derivative takes the pre-activation z)." if bad else "")


@pytest.mark.points(1)
def test_tanh(probe):
    """tanh(z) agrees with np.tanh"""
    bad = compare(probe.elementwise(name="tanh"), "tanh")
    assert bad is None, f"tanh({bad[0]:g}) returned {bad[1]:.6g}; expected {bad[2]:.6g}." if bad else ""


@pytest.mark.points(1)
def test_tanh_derivative(probe):
    """tanh_derivative(z) = 1 - tanh(z)^2, taking the pre-activation z"""
    obs = probe.elementwise(name="tanh_derivative")
    bad = compare(obs, "tanh_derivative")
    if bad is None:
        return
    z = obs["z"]
    got = obs["out"]["values"]
    if np.allclose(got, 1 - z ** 2, rtol=1e-5, atol=1e-6):
        raise AssertionError(
            "tanh_derivative(z) returns 1 - z**2: that formula expects the activation tanh(z), "
            "but the derivative takes the pre-activation z. Use 1 - np.tanh(z) ** 2.")
    raise AssertionError(
        f"tanh_derivative({bad[0]:g}) returned {bad[1]:.6g}; expected 1 - tanh(z)^2 = {bad[2]:.6g}.")


@pytest.mark.points(1)
def test_sigmoid(probe):
    """sigmoid(z) = 1 / (1 + exp(-z))"""
    bad = compare(probe.elementwise(name="sigmoid"), "sigmoid")
    assert bad is None, (
        f"sigmoid({bad[0]:g}) returned {bad[1]:.6g}; expected 1 / (1 + exp(-z)) = {bad[2]:.6g}"
        + (" (note the minus sign in exp(-z): sigmoid grows with z)." if bad and (bad[1] < 0.5) == (bad[0] > 0)
           else ".") if bad else "")


@pytest.mark.points(2)
def test_softmax_over_last_axis(probe):
    """softmax normalises over the last axis (vectors, matrices and 3-D arrays)"""
    obs = probe.softmaxes()
    for name in ("vector", "matrix", "cube"):
        z = obs["inputs"][name]
        out = obs[name]
        require_no_error(out, who="softmax", after=(
            f" for an array of shape {z.shape}: normalise over the last axis (axis=-1, "
            "keepdims=True) so that vectors, matrices and 3-D arrays all work."))
        assert out["values"] is not None, f"softmax returned {out['kind']}, not numbers."
        got = array(out["values"], shape=z.shape, finite=False)
        want = stable_softmax(z)
        if np.allclose(got, want, rtol=1e-4, atol=1e-6):
            continue
        if z.ndim > 1 and np.allclose(got.sum(axis=0), 1, atol=1e-5):
            hint = ("the values sum to 1 along the first axis: normalise over the last axis, "
                    "np.sum(..., axis=-1, keepdims=True), so that each row is a distribution.")
        elif np.isclose(got.sum(), 1, atol=1e-5):
            hint = ("all values of the array together sum to 1: normalise every row separately, "
                    "np.sum(..., axis=-1, keepdims=True).")
        else:
            hint = "softmax(z) = exp(z) / sum(exp(z)) over the last axis."
        raise AssertionError(f"softmax of a {z.ndim}-D array of shape {z.shape} is wrong: {hint}")


@pytest.mark.points(2)
def test_softmax_numerically_stable(probe):
    """softmax stays finite and correct for logits around 1000"""
    obs = probe.softmaxes()
    z, out = obs["inputs"]["large"], obs["large"]
    require_no_error(out, who="softmax", after=" for logits around 1000.")
    assert out["values"] is not None and out["values"].shape == z.shape, (
        f"softmax returned {out['kind']} for a (4, 3) array.")
    got, want = out["values"], stable_softmax(z)
    assert np.all(np.isfinite(got)), (
        "softmax([1000, 1000, 999]) gives NaN or infinity: np.exp(1000) overflows. Subtract the "
        "maximum of each row first, z - z.max(axis=-1, keepdims=True): softmax does not change, "
        "and the largest exponent becomes 0.")
    small = obs["matrix"]["values"]
    if small is None or small.shape != (5, 7) or not np.allclose(
            small, stable_softmax(obs["inputs"]["matrix"]), rtol=1e-4, atol=1e-6):
        return  # wrong for small logits too: the check over the last axis names that fault
    assert np.allclose(got, want, rtol=1e-4, atol=1e-5), (
        f"softmax of logits around 1000 is wrong (first row {np.round(got[0], 4).tolist()}, "
        f"expected {np.round(want[0], 4).tolist()}): subtract the maximum of each row, not of "
        "the whole array.")
