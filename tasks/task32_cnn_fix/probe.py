"""Task 32 probes: does the "CNN fail II" network build on 32x32 images, and how do its
feature maps shrink?

The quiz's network fails while it is built (a negative or zero output size); that error
is part of the feedback, so it is caught here and returned as text.
"""

import numpy as np

from grader.probes import (ContractError, exception_text, forward_keeping_values, seeded_keras_object,
                           trainability_report)
from grader.probes.called_layers import ELEMENTWISE, model_identity


def _images(seed, batch):
    return np.random.default_rng(seed).uniform(-1, 1, (batch, 32, 32, 3)).astype("float32")


def _build(student, num_classes, seed):
    return seeded_keras_object(student.build_model, "build_model", seed, num_classes=num_classes)


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
        output, calls = forward_keeping_values(model, _images(seed, 2))
    except Exception as exc:  # noqa: BLE001 - a lazily built model fails on its first call
        return {"error": exception_text(exc), "during": "call", **failed, **model_identity(model)}
    head = _head_averages_maps(calls)
    for call in calls:
        call.pop("input", None), call.pop("output", None)
    return {"error": None, "during": None, "output": output, "calls": calls,
            "head_averages_maps": head, **model_identity(model)}


def _head_averages_maps(calls):
    """Whether, between the last convolution and the Dense layer after it, a spatial mean is read.

    The mean may be of the last convolution's maps or of maps made from them after it (a
    BatchNormalization, a ReLU in between), with an element-wise function on the way, and
    be read by the Dense layer or by a layer before it (a Flatten, a BatchNormalization of
    the vectors): ``tf.reduce_mean(x, axis=[1, 2])`` in ``call`` is global average pooling.
    """
    convs = [index for index, call in enumerate(calls) if call["kind"] == "Conv2D"]
    if not convs:
        return False
    after = calls[convs[-1]:]
    dense = next((index for index, call in enumerate(after) if call["kind"] == "Dense"), None)
    if dense is None:
        return False
    for reader in range(1, dense + 1):
        maps = [call["output"] for call in after[:reader] if call.get("output") is not None
                and call["output"].ndim == 4 and call["output"].shape[1] * call["output"].shape[2] > 1]
        received = after[reader].get("input")
        if received is not None and any(_is_spatial_mean(candidate, received) for candidate in maps):
            return True
    return False


def _is_spatial_mean(maps, received):
    """``received``, laid flat per example, is f(maps) averaged over height and width (float32 rounding)."""
    if received.size != maps.shape[0] * maps.shape[-1] or received.shape[0] != maps.shape[0]:
        return False
    received = received.reshape(maps.shape[0], maps.shape[-1])
    tolerance = 1e-5 * max(float(np.abs(received).max()), 1e-12)
    return any(np.allclose(function(maps).mean(axis=(1, 2)), received, rtol=1e-4, atol=tolerance)
               for name, function in ELEMENTWISE.items() if name != "softmax")


def trainability(student, seed=0):
    """Whether every variable of a fresh ``build_model()`` trains, called as training calls it."""
    return trainability_report(lambda: _build(student, None, seed), _images(seed, 4))
