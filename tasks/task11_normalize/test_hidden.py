"""Task 11, hidden checks: one straight-line map for every pixel value, for arrays and
tensors of any shape (where the line starts and ends is the public check's concern)."""

import numpy as np
import pytest

from grader.testing import require_no_error

EXPECTED_RULE = "x / 127.5 - 1"


def expected(values):
    return values.astype(np.float64) / 127.5 - 1.0


def diagnose(inputs, output):
    """A sentence naming the likely fault of a mapping that is not one straight line."""
    order = np.argsort(inputs, kind="stable")
    if np.any(np.diff(output[order]) < -1e-6):
        return ("The mapping is not monotonic: the arithmetic wraps around in uint8 (e.g. "
                "images - 128 or images * 2 on uint8 values overflows). Cast to float32 first, "
                "then scale.")
    return (f"Each pixel value x must be scaled the same way, {EXPECTED_RULE}, in float "
            "arithmetic (no rounding, clipping or integer division).")


def own_mapping(cases):
    """The student's own value for each pixel value 0..255 (from the array case), else the rule."""
    every = cases["every_value_array"]
    if every["error"] is None and every["output"] is not None and every["output"].shape == (256,):
        return every["output"]
    return expected(np.arange(256))


def check_case(case, what, mapping):
    """The case runs, keeps its shape, and maps each pixel as the student maps it for arrays.

    The value rule itself is graded once (test_every_value_mapped_linearly); here a wrong
    rule is not counted again.
    """
    assert case["error"] is None, (
        f"normalize({what}) raised {case['error']}. It must accept uint8 NumPy arrays and "
        "tf.Tensors alike: use TensorFlow ops (tf.cast, tf.convert_to_tensor) that take both.")
    shape = list(case["input"].shape)
    assert case["shape"] == shape, (
        f"normalize({what}) returned shape {case['shape']}; it must keep the input's shape {shape}.")
    error = float(np.max(np.abs(case["output"] - mapping[case["input"].astype(np.int64)])))
    assert error <= 1e-5, (
        f"normalize({what}) maps pixel values differently from a 1-D uint8 array (off by up to "
        f"{error:.3g}): normalise element-wise, the same way for every shape and input type.")


@pytest.mark.points(2)
def test_every_value_mapped_linearly(probe):
    """Every pixel value x from 0 to 255 is scaled by one straight line, as x / 127.5 - 1 is"""
    case = probe.normalize_cases()["every_value_array"]
    require_no_error(case, who="normalize(np.arange(256, dtype=np.uint8))")
    output = case["output"]
    assert output is not None and output.shape == (256,), "normalize should return one value per pixel."
    x = case["input"].astype(np.float64)
    line = output[0] + (output[255] - output[0]) * x / 255.0
    error = np.abs(output - line)
    assert float(error.max()) <= 1e-5 * max(1.0, float(np.abs(output).max())), (
        f"{int(np.sum(error > 1e-5))} of the 256 pixel values are off the straight line from "
        f"normalize(0) to normalize(255) (e.g. {int(np.argmax(error))} -> "
        f"{output[int(np.argmax(error))]:g}). " + diagnose(case["input"], output))


@pytest.mark.points(1)
def test_accepts_tensors(probe):
    """uint8 tf.Tensors are normalised like NumPy arrays"""
    cases = probe.normalize_cases()
    mapping = own_mapping(cases)
    check_case(cases["every_value_tensor"], "tf.constant(np.arange(256, dtype=np.uint8))", mapping)
    check_case(cases["batch_tensor"], "a uint8 tf.Tensor of shape (4, 28, 28, 1)", mapping)
    check_case(cases["cube_tensor"], "a uint8 tf.Tensor of shape (2, 3, 5)", mapping)


@pytest.mark.points(1)
def test_any_shape(probe):
    """Batches and other shapes keep their shape and are normalised element-wise"""
    cases = probe.normalize_cases()
    mapping = own_mapping(cases)
    check_case(cases["batch_array"], "a uint8 array of shape (4, 28, 28, 1)", mapping)
    check_case(cases["image_array"], "a uint8 array of shape (28, 28, 1)", mapping)
    check_case(cases["cube_array"], "a uint8 array of shape (2, 3, 5)", mapping)
