"""Task 11, public checks: normalize returns a float32 tensor with 0 -> -1 and 255 -> 1."""

import numpy as np
import pytest


def ran(case, what):
    assert case["error"] is None, f"normalize({what}) raised {case['error']}"
    return case


@pytest.mark.points(1)
def test_returns_float32_tensor(probe):
    """normalize(image) returns a float32 tf.Tensor of the image's shape"""
    case = ran(probe.normalize_cases()["image_array"], "a uint8 array of shape (28, 28, 1)")
    assert case["is_tensor"], (
        f"normalize returned a {case['type']}; return a tf.Tensor (e.g. build the result with "
        "tf.cast and TensorFlow arithmetic, or wrap it in tf.convert_to_tensor).")
    assert case["dtype"] == "float32", (
        f"normalize returned dtype {case['dtype']}; the network expects float32. Cast with "
        "tf.cast(images, tf.float32) before scaling (NumPy division gives float64).")
    assert case["shape"] == [28, 28, 1], (
        f"normalize changed the shape from (28, 28, 1) to {tuple(case['shape'] or ())}: "
        "scale the values, do not reshape.")


@pytest.mark.points(1)
def test_zero_and_255_map_to_minus_one_and_one(probe):
    """Pixel value 0 becomes -1 and 255 becomes 1"""
    case = ran(probe.normalize_cases()["every_value_array"], "np.arange(256, dtype=np.uint8)")
    output = case["output"]
    assert output is not None and output.shape == (256,), (
        "normalize(np.arange(256, dtype=np.uint8)) should return 256 values.")
    low, high = output[0], output[255]
    assert abs(low + 1) <= 1e-6 and abs(high - 1) <= 1e-6, (
        f"0 becomes {low:g} and 255 becomes {high:g}; they should become -1 and 1. "
        "Map [0, 255] onto [-1, 1] with images / 127.5 - 1 (after casting to float32).")
