"""Task 10, public checks: every function takes and returns NumPy arrays of the input's shape."""

import pytest

from grader.testing import require_no_error

NAMES = ("relu", "relu_derivative", "tanh", "tanh_derivative", "sigmoid")


@pytest.mark.points(1)
def test_functions_return_numpy_arrays(probe):
    """All six functions map a (5, 7) NumPy array to a NumPy array of shape (5, 7)"""
    outputs = {name: probe.elementwise(name=name)["out_matrix"] for name in NAMES}
    outputs["softmax"] = probe.softmaxes()["matrix"]
    for name, out in outputs.items():
        require_no_error(out, who=name, after=" for a (5, 7) NumPy array.")
        assert out["is_ndarray"], (
            f"{name} returned {out['kind']} for a NumPy array; NumPy in, NumPy out: use NumPy "
            "operations on the whole array (np.maximum, np.tanh, np.exp...), no Python loops, "
            "lists or TensorFlow.")
        assert out["values"].shape == (5, 7), (
            f"{name} returned shape {out['values'].shape} for an input of shape (5, 7); keep the "
            "input's shape.")
