"""A model's layers as it really calls them, each with the activation it really applies.

The contract names an architecture ("Conv2D(8, 3x3, same, relu), MaxPooling2D(2), ...").
Students write it in many correct ways: ``activation="relu"``, a separate ``ReLU`` or
``Activation("relu")`` layer, ``tf.nn.relu`` inside ``call``, one pooling layer called
twice, layers kept in a Python list. So the layers are recorded in the order the model
calls them (grader.probes.tapped_layers), and a layer's activation is measured: the
function that maps what the layer returns to what the next layer (or the model's output)
receives, composed with the layer's own ``activation``. Separate activation layers then
describe like the ``activation`` argument and leave no entry of their own. Pooling written
as ``tf.nn.max_pool2d`` in ``call`` is recorded like a pooling layer
(grader.probes.pooling_ops).

A non-decreasing function f commutes with max pooling (the largest of f(a), f(b)... is f
of the largest), and every element-wise function with Flatten, so ``relu(max_pool(conv(x)))``
computes exactly what a ReLU convolution followed by max pooling computes: such an
activation is credited to the layer before the pooling, which then shows none.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from grader.probes.genuine import class_label, inherits
from grader.probes.models import ACTIVATION_LAYERS, computing_layers, layer_kind
from grader.probes.pooling_ops import forward_with_pooling
from grader.probes.tapped_layers import POOLING_KINDS
from grader.probes.tracked import count_params

_erf = np.vectorize(math.erf)


def _softmax(z):
    shifted = np.exp(z - z.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


_SIGMOID = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731 - a table of one-liners
ELEMENTWISE = {  # what a layer's output may go through before the next layer sees it
    "linear": lambda z: z,
    "relu": lambda z: np.maximum(z, 0),
    "tanh": np.tanh,
    "sigmoid": _SIGMOID,
    "softmax": _softmax,
    "elu": lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0))),
    "leaky_relu": lambda z: np.where(z > 0, z, 0.2 * z),
    "leaky_relu(0.3)": lambda z: np.where(z > 0, z, 0.3 * z),
    "relu6": lambda z: np.clip(z, 0, 6),
    "softplus": lambda z: np.logaddexp(0, z),
    "silu": lambda z: z * _SIGMOID(z),
    "gelu": lambda z: 0.5 * z * (1 + _erf(z / math.sqrt(2))),
    "gelu(tanh)": lambda z: 0.5 * z * (1 + np.tanh(math.sqrt(2 / math.pi) * (z + 0.044715 * z ** 3))),
}
IDEMPOTENT = {"relu", "relu6"}
NON_DECREASING = {"linear", "relu", "tanh", "sigmoid", "elu", "leaky_relu", "leaky_relu(0.3)",
                  "relu6", "softplus"}
MAX_POOLING = frozenset(kind for kind in POOLING_KINDS if kind.startswith("Max"))


def applied_function(produced: np.ndarray, received: np.ndarray) -> str | None:
    """The name of the function that turns ``produced`` into ``received`` (None: none known)."""
    if produced.size != received.size or produced.shape[:1] != received.shape[:1]:
        return None
    produced, received = produced.reshape(received.shape), received.astype(np.float64)
    for name, function in ELEMENTWISE.items():
        with np.errstate(all="ignore"):
            candidate = function(produced.astype(np.float64))
        if np.allclose(candidate, received, rtol=1e-4, atol=1e-5):
            return name
    return None


def compose(own: str | None, gap: str | None) -> str:
    """The activation a layer has in effect: its own, then whatever follows it before the next layer."""
    own = own or "linear"
    if gap is None:
        return f"{own}, then an operation of the submission" if own != "linear" else "an operation of the submission"
    if gap == "linear" or (gap == own and own in IDEMPOTENT):
        return own
    return gap if own == "linear" else f"{own}, then {gap}"


def called_layers(model: Any, x: np.ndarray) -> dict[str, Any]:
    """The model's output on ``x`` and its layers in call order, activations folded in."""
    leaves = computing_layers(model)
    kinds = frozenset(layer_kind(layer) for layer in leaves) | POOLING_KINDS
    output, calls = forward_with_pooling(model, x, keep_values=kinds)
    structural = [call for call in calls if call["kind"] not in ACTIVATION_LAYERS]
    received = [call["input"] for call in structural[1:]] + [np.asarray(output, dtype=np.float64)]
    layers = []
    for call, following in zip(structural, received):
        own = call["activation"] if call["activation"] not in (None, "linear") else None
        gap = applied_function(call["output"], following)
        effective = compose(own, gap)
        layers.append({"kind": call["kind"], "config": call["config"],
                       "activation": None if effective == "linear" and call["activation"] is None else effective,
                       "params": 0 if call["layer"] is None else count_params(leaves[call["layer"]]),
                       "output_shape": call["output_shape"]})
    return {"output": np.asarray(output), "layers": through_commuting_layers(layers),
            "total_params": count_params(model)}


def through_commuting_layers(layers: list[dict]) -> list[dict]:
    """Credit an activation after a max pooling or a Flatten to the layer before it (it commutes).

    Flatten only moves values, so any element-wise function commutes with it; max pooling
    commutes with the non-decreasing ones.
    """
    for index in range(len(layers) - 1, 0, -1):
        moving, before = layers[index], layers[index - 1]
        moved, ahead = moving["activation"], before["activation"] or "linear"
        if moving["kind"] in MAX_POOLING:
            commutes = moved in NON_DECREASING and ahead in NON_DECREASING
        else:
            commutes = moving["kind"] == "Flatten" and moved in ELEMENTWISE and moved != "softmax"
        if commutes and moved != "linear" and ahead in ELEMENTWISE:
            before["activation"] = compose(ahead, moved)
            moving["activation"] = None
    return layers


def flattens(produced: np.ndarray, received: np.ndarray) -> bool:
    """Whether ``received`` is ``produced``'s maps laid out flat per example, as Flatten does.

    ``tf.reshape(x, (-1, h * w * c))`` in ``call`` is the same computation as a Flatten
    layer; an element-wise activation on the way is allowed.
    """
    if produced.ndim < 3 or received.ndim != 2 or produced.shape[0] != received.shape[0]:
        return False
    return applied_function(produced, received) is not None


def model_identity(value: Any) -> dict[str, Any]:
    """What came back, measured: its class and whether it really is a Keras Model."""
    import keras

    return {"model_class": class_label(type(value)), "is_model": inherits(value, keras.Model)}
