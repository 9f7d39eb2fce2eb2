"""Task 13, public checks: element structure and normalisation."""

import numpy as np
import pytest


@pytest.mark.points(1)
def test_element_structure(probe):
    """Elements are (float32 images (b, 784), float32 targets (b, 10))"""
    images, targets = probe.run_pipeline()["spec"]
    assert images["dtype"] == "float32", f"Images are {images['dtype']}; cast them to float32."
    assert len(images["shape"]) == 2 and images["shape"][1] == 784, (
        f"Images have shape {images['shape']}; the dense network needs flat vectors "
        "(batch, 784): reshape each image to (-1,) before batching.")
    assert targets["dtype"] == "float32" and len(targets["shape"]) == 2 and targets["shape"][1] == 10, (
        f"Targets are {targets['dtype']} {targets['shape']}; expected one-hot float32 (batch, 10): "
        "use tf.one_hot(label, depth=10).")


@pytest.mark.points(1)
def test_values_normalised(probe):
    """Pixel values are scaled to [-1, 1]: 0 becomes -1 and 255 a value in [0.99, 1]"""
    epoch = probe.run_pipeline()["epochs"][0]
    marks = epoch["marks"]
    zero, full = marks[:, 0], marks[:, 1]
    scaling = f"your scaling maps them to {zero[0]:g} and {full[0]:g}"
    if np.allclose(zero, 0, atol=1e-5) and np.allclose(full, 1, atol=1e-3):
        raise AssertionError(
            f"Pixels of value 0 and 255 should become -1 and (nearly) 1; {scaling}: [0, 1] is not "
            "the range the network expects. Map [0, 255] to [-1, 1], e.g. image / 127.5 - 1 "
            "or image / 128 - 1.")
    assert epoch["max"] <= 1.0 + 1e-5 and epoch["min"] >= -1.0 - 1e-5, (
        f"Pixel values range from {epoch['min']:g} to {epoch['max']:g}: the images are not "
        "normalised to [-1, 1]. Map [0, 255] to [-1, 1], e.g. image / 127.5 - 1 or image / 128 - 1.")
    assert np.allclose(zero, -1, atol=1e-5) and np.all((full >= 0.99 - 1e-6) & (full <= 1 + 1e-5)), (
        f"Pixels of value 0 and 255 should become -1 and a value in [0.99, 1]; {scaling}. "
        "Cast to float32 first, then image / 127.5 - 1 (or image / 128 - 1).")
