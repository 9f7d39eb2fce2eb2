"""Task 9, public checks: mse and mse_gradient work for any number of samples."""

import math

import pytest


@pytest.mark.points(1)
def test_mse_on_any_number_of_samples(probe):
    """mse returns a finite loss and mse_gradient one entry per sample for 3, 6 and 30 samples"""
    for item in probe.sample_counts()["results"]:  # one number or several: Task 8 grades that
        loss, grad = item["loss"], item["gradient"]
        assert loss["number"] is not None and math.isfinite(loss["number"]), (
            f"For {item['samples']} samples mse returned {loss['kind']} ({loss['number']}); return "
            "one finite number.")
        assert grad["is_ndarray"] and grad["values"].shape == (item["samples"],), (
            f"For {item['samples']} samples mse_gradient returned {grad['kind']}"
            f"{'' if grad['values'] is None else ' of shape ' + str(grad['values'].shape)}; return a "
            "NumPy array with one entry per prediction.")
