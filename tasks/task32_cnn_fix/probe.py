"""Task 32 probes: does the "CNN fail II" network build on 32x32 images, and how do its
feature maps shrink?

The quiz's network fails while it is built (a negative or zero output size); that error
is part of the feedback, so it is caught here and returned as text.
"""

import numpy as np

from grader.probes.called_layers import ELEMENTWISE, model_identity
from grader.probes.models import expect_keras_object
from grader.probes.tapped_layers import traced_forward
from grader.probes.trainability import trainability_report
from grader.worker.loader import ContractError, exception_text


def _images(seed, batch):
    return np.random.default_rng(seed).uniform(-1, 1, (batch, 32, 32, 3)).astype("float32")


def _build(student, num_classes, seed):
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    if num_classes is None:
        return expect_keras_object(student.build_model(), "build_model()")
    return expect_keras_object(student.build_model(num_classes=num_classes),
                               f"build_model(num_classes={num_classes})")


def build(student, num_classes=None, seed=0):
    """Build the model and run a (2, 32, 32, 3) batch through it, recording every layer call.

    Returns ``error`` (the text of the exception raised while building or calling, else
    None), the output, and per layer call its kind, config, activation and shapes.
    """
    failed = {"output": None, "calls": [], "head_averages_maps": False}
    try:
        model = _build(student, num_classes, seed)
    except (NotImplementedError, ContractError):
        raise
    except Exception as exc:  # noqa: BLE001 - the quiz's fault: explained by the checks
        return {"error": exception_text(exc), "during": "build", **failed}
    try:
        output, calls = traced_forward(model, _images(seed, 2), keep_values=frozenset({"Conv2D", "Dense"}))
    except Exception as exc:  # noqa: BLE001 - a lazily built model fails on its first call
        return {"error": exception_text(exc), "during": "call", **failed, **model_identity(model)}
    head = _head_averages_maps(calls)
    for call in calls:
        call.pop("input", None), call.pop("output", None)
    return {"error": None, "during": None, "output": output, "calls": calls,
            "head_averages_maps": head, **model_identity(model)}


def _head_averages_maps(calls):
    """Whether the Dense layer after the last convolution reads the spatial average of its maps."""
    convs = [index for index, call in enumerate(calls) if call["kind"] == "Conv2D"]
    dense = [call for call in calls[convs[-1] + 1:] if call["kind"] == "Dense"] if convs else []
    if not dense or calls[convs[-1]]["output"].ndim != 4:
        return False
    maps, received = calls[convs[-1]]["output"], dense[0]["input"]
    if received.shape != (maps.shape[0], maps.shape[-1]):
        return False
    return any(np.allclose(function(maps).mean(axis=(1, 2)), received, rtol=1e-4, atol=1e-5)
               for name, function in ELEMENTWISE.items() if name != "softmax")


def trainability(student, seed=0):
    """Whether every variable of a fresh ``build_model()`` trains, called as training calls it."""
    return trainability_report(lambda: _build(student, None, seed), _images(seed, 4))
