"""Task 35, public checks: predict_digit runs on a uint8 image and returns a Python int."""

import pytest


def shapes_seen(report):
    return ", ".join(str(tuple(call["shape"])) for call in report["calls"]) or "nothing"


@pytest.mark.points(1)
def test_predicts_without_error(probe):
    """predict_digit(model, image) calls the model and returns without error"""
    report = probe.predict()
    assert report["error"] is None, (
        f"predict_digit raised {report['error']} (the model was given: {shapes_seen(report)}). "
        "The model expects a float32 batch of shape (batch, 28, 28, 1).")
    assert report["calls"], "predict_digit never called the model: call model(x) or model.predict(x)."


@pytest.mark.points(1)
def test_returns_python_int(probe):
    """predict_digit returns the class as a Python int"""
    report = probe.predict()
    assert report["error"] is None, f"predict_digit raised {report['error']}"
    kind = report["returned_type"]
    assert kind == "int", (
        f"predict_digit returned a value of type {kind}; return a Python int, e.g. int(np.argmax(prediction)) "
        "(np.argmax gives a NumPy integer, tf.argmax a tensor)." if kind != "NoneType" else
        "predict_digit returned None: return the predicted class.")
