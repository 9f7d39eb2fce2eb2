"""Task 11, public checks: normalize returns a float32 tensor with 0 -> -1 and 255 -> 1."""

import numpy as np
import pytest

from grader.testing import not_judged, require_no_error


def ran(case, what):
    return require_no_error(case, who=f"normalize({what})")


@pytest.mark.points(1)
def test_returns_float32_tensor(probe):
    """normalize(image) returns a float32 tf.Tensor of the image's shape"""
    case = ran(probe.normalize_cases()["image_array"], "a uint8 array of shape (28, 28, 1)")
    assert case["is_tensor"], (
        f"normalize returned {case['kind']}; return a tf.Tensor (e.g. build the result with "
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
    if np.any(np.diff(output) < -1e-6):
        not_judged(f"0 becomes {low:g} and 255 becomes {high:g}, but the values wrap around on the "
                   "way: the check of every pixel value names that fault.",
                   because="test_every_value_mapped_linearly")
    if abs(low + 1) <= 1e-6 and abs(high - 1) <= 1e-6:
        return
    if abs(low) <= 1e-6 and abs(high - 1) <= 1e-3:
        hint = "that is [0, 1]: dividing by 255 is only half of the job, shift as well."
    elif high > 2:
        hint = "the images are not scaled."
    else:
        hint = "they should become -1 and 1."
    raise AssertionError(
        f"0 becomes {low:g} and 255 becomes {high:g}: {hint} Map [0, 255] onto [-1, 1] with "
        "images / 127.5 - 1 (after casting to float32).")
