"""Task 43, public checks: build_model() (task31_cnn_fix.py) builds and runs."""

import pytest

from grader.testing.pooling import check_model_builds_and_runs


@pytest.mark.points(1)
def test_model_builds_and_runs(probe):
    """build_model() returns a model that maps (b, 28, 28, 1) images to (b, classes)"""
    check_model_builds_and_runs(probe.pooling_layers())
