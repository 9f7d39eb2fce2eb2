"""Task 35, hidden checks: what predict_digit feeds the model, and what it returns."""

import numpy as np
import pytest

from grader.testing import array, require_no_error


def shown(shape):
    return str(tuple(shape))


def recorded(report):
    """The model's inputs; fails with predict_digit's error when it never reached the model."""
    calls = report["calls"]
    assert calls, (f"predict_digit raised {report['error']} before calling the model." if report["error"]
                   else "predict_digit never called the model.")
    return calls


@pytest.mark.points(2)
def test_batch_dimension_added(probe):
    """The model gets a batch of one image: shape (1, 28, 28, 1)"""
    report = probe.predict()
    for call in recorded(report):
        shape = call["shape"]
        assert shape != [28, 28, 1], (
            "predict_digit passes the image of shape (28, 28, 1) to the model without a batch "
            "dimension (the quiz's fault): Keras models take batches, so the model reads the 28 "
            "rows as 28 samples and fails. Add a batch dimension of 1: image[np.newaxis], "
            "np.expand_dims(image, 0) or tf.expand_dims(image, 0).")
        assert shape == [1, 28, 28, 1], (
            f"The model was given shape {shown(shape)}; it expects one image as a batch: (1, 28, 28, 1).")


@pytest.mark.points(1)
def test_input_cast_to_float32(probe):
    """The model is given float32 values"""
    report = probe.predict(strict=False)
    recorded(report)
    dtypes = sorted(set(report["handed"]))
    assert dtypes == ["float32"], (
        f"predict_digit hands the model {' and '.join(dtypes)} values; it expects float32. Cast the "
        "uint8 image with tf.cast(image, tf.float32) (or .astype(np.float32)) before scaling it: "
        "NumPy arithmetic such as image / 127.5 gives float64.")


@pytest.mark.points(2)
def test_input_normalised_to_minus_one_one(probe):
    """The model gets the image scaled to [-1, 1], as in training: 0 -> -1, 255 -> a value in [0.99, 1]"""
    report = probe.predict(strict=False)
    image = array(report["image"], shape=(28, 28, 1)).astype(np.float64)
    for call in recorded(report):
        values = call["values"]
        assert values is not None and values.size == image.size, (
            f"The model was given {shown(call['shape'])} values; expected the one image's 784 pixels.")
        values = values.reshape(image.shape)
        zero, full = float(values[0, 0, 0]), float(values[0, 1, 0])  # the probe sets pixels 0 and 255
        scale = (full - zero) / 255.0
        affine = float(np.max(np.abs(values - (zero + scale * image)))) <= 1e-5
        if affine and abs(zero + 1) <= 1e-5 and 0.99 - 1e-6 <= full <= 1 + 1e-5:
            continue
        low, high = float(values.min()), float(values.max())
        if high > 2:
            hint = (f"The values range from {low:g} to {high:g}: the image is not normalised. The "
                    "model was trained on [-1, 1]: use image / 127.5 - 1 (after casting to float32).")
        elif low >= -1e-6:
            hint = (f"The values range from {low:g} to {high:g}: dividing by 255 gives [0, 1], "
                    "but the model was trained on [-1, 1]: use image / 127.5 - 1.")
        else:
            hint = (f"Pixel 0 became {zero:g} and 255 became {full:g}; the model was trained on "
                    "[-1, 1], with 0 -> -1 and 255 -> 1: use image / 127.5 - 1 for every pixel.")
        raise AssertionError(hint)


@pytest.mark.points(2)
def test_returns_argmax(probe):
    """The returned class is the argmax of the model's prediction"""
    for target in (3, 8):
        report = probe.predict(target=target, strict=False)
        require_no_error(report, who="predict_digit")
        returned = report["returned"]
        assert returned is not None, (
            f"predict_digit returned {report['returned_kind']}, not a number: return the class index.")
        assert returned == target, (
            f"The model's prediction peaks at class {target}, but predict_digit returned {returned:g}: "
            "return the index of the largest probability, argmax over the class axis of the "
            "prediction for the one image (e.g. int(np.argmax(prediction[0]))).")
