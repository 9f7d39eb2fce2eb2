"""Task 35, public checks: predict_digit runs on a uint8 image and returns a Python int."""

import pytest

from grader.testing import not_judged, require_no_error


def shapes_seen(report):
    return ", ".join(str(tuple(call["shape"])) for call in report["calls"]) or "nothing"


@pytest.mark.points(1)
def test_predicts_without_error(probe):
    """predict_digit(model, image) calls the model and returns without error"""
    report = probe.predict()
    if report["error"] and any(call["shape"] == [28, 28, 1] for call in report["calls"]):
        not_judged(f"predict_digit raised {report['error']}: the model was given the image of shape "
                   "(28, 28, 1) without a batch dimension; the check of the batch dimension names "
                   "this fault.", because="test_batch_dimension_added")
    assert report["error"] is None, (
        f"predict_digit raised {report['error']} (the model was given: {shapes_seen(report)}). "
        "The model expects a float32 batch of shape (batch, 28, 28, 1).")
    assert report["calls"], "predict_digit never called the model: call model(x) or model.predict(x)."


@pytest.mark.points(1)
def test_returns_python_int(probe):
    """predict_digit returns the class as a Python int"""
    report = probe.predict(strict=False)  # the input's shape is another check's concern
    require_no_error(report, who="predict_digit")
    kind = report["returned_type"]
    assert kind == "int", (
        f"predict_digit returned {report['returned_kind']}; return a Python int, e.g. "
        "int(np.argmax(prediction)) (np.argmax gives a NumPy integer, tf.argmax a tensor)."
        if kind != "NoneType" else "predict_digit returned None: return the predicted class.")
