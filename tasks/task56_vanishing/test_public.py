"""Task 56, public checks: both derivatives take and return NumPy arrays."""

import pytest


@pytest.mark.points(1)
def test_derivatives_accept_arrays(probe):
    """tanh_derivative and relu_derivative map a (3, 4) array to a (3, 4) array"""
    obs = probe.derivatives_on_array()
    for name in ("tanh_derivative", "relu_derivative"):
        out = obs[name]
        assert out["is_ndarray"] and out["values"].shape == (3, 4), (
            f"{name} returned {out['kind']}"
            f"{'' if out['values'] is None else ' of shape ' + str(out['values'].shape)} for a (3, 4) "
            "NumPy array; return a NumPy array of the input's shape.")
