"""Task 43, public checks: build_model() (task31_cnn_fix.py) builds and runs."""

import pytest

from grader.testing import array


@pytest.mark.points(1)
def test_model_builds_and_runs(probe):
    """build_model() returns a model that maps (b, 28, 28, 1) images to (b, classes)"""
    output = array(probe.pooling_layers()["output"])
    assert output.ndim == 2 and output.shape[0] == 2, (
        f"For a batch of 2 images of shape (28, 28, 1) the model returns shape {output.shape}; "
        "expected (2, num_classes): one row of class scores per image.")
