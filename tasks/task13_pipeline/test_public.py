"""Task 13, public checks: element structure and normalisation."""

import numpy as np
import pytest


@pytest.mark.points(1)
def test_element_structure(probe):
    """Elements are (float32 images (b, 784), float32 targets (b, 10))"""
    images, targets = probe.run_pipeline()["spec"]
    assert images["dtype"] == "float32", f"Images are {images['dtype']}; cast them to float32."
    assert images["shape"] == [None, 784], (
        f"Images have shape {images['shape']}; the dense network needs flat vectors "
        "(batch, 784): reshape each image to (-1,) before batching.")
    assert targets["dtype"] == "float32" and targets["shape"] == [None, 10], (
        f"Targets are {targets['dtype']} {targets['shape']}; expected one-hot float32 (batch, 10): "
        "use tf.one_hot(label, depth=10).")


@pytest.mark.points(1)
def test_values_normalised(probe):
    """Pixel values are scaled to [-1, 1]: 0 becomes -1 and 255 becomes 1"""
    epoch = probe.run_pipeline()["epochs"][0]
    assert epoch["max"] <= 1.0 + 1e-5 and epoch["min"] >= -1.0 - 1e-5, (
        f"Pixel values range from {epoch['min']:g} to {epoch['max']:g}: the images are not "
        "normalised. Map [0, 255] to [-1, 1], e.g. image / 127.5 - 1.")
    marks = epoch["marks"]
    assert np.allclose(marks[:, 0], -1, atol=1e-5) and np.allclose(marks[:, 1], 1, atol=1e-5), (
        "Pixels of value 0 and 255 should become -1 and 1; your scaling maps them to "
        f"{marks[0, 0]:g} and {marks[0, 1]:g}.")
