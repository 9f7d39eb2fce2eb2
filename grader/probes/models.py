"""Describing a student's Keras layers as plain data: kinds, configs, activations.

Correct code in any style the contract allows must describe the same: Sequential,
functional (whose ``layers`` start with an ``InputLayer``) or subclassed models
(grader.probes.called_layers follows the order in which a model calls its layers).

Nothing here asks a student's object what it is: a layer's kind is the name of its
class only when Keras defined that class (grader.probes.genuine), its config comes from
Keras' own ``get_config`` of that class (with filters, units and kernel size read from
the kernel it really holds), its activation is looked up by identity among Keras' and
TensorFlow's functions, and parameters are counted from the variables Keras tracks
(grader.probes.tracked), never from ``count_params``, ``layers`` or ``get_config``
answers a subclass or an instance may override.
"""

from __future__ import annotations

from typing import Any

import keras
import tensorflow as tf

from grader.probes.genuine import class_label, inherits, is_exactly, is_genuine
from grader.probes.tracked import sublayers
from grader.probes.values import plain_value

ACTIVATION_LAYERS = {"Activation", "ReLU", "LeakyReLU", "Softmax", "ELU", "PReLU"}
CONFIG_KEYS = ("filters", "kernel_size", "strides", "padding", "units", "pool_size", "rate",
               "use_bias", "axis", "momentum", "epsilon")
OWN_FUNCTION = " (a function of the submission)"
_CONVOLUTIONS = (keras.layers.Conv1D, keras.layers.Conv2D, keras.layers.Conv3D)


def _activation_table() -> dict[int, tuple[Any, str]]:
    """Keras' and TensorFlow's activation functions by identity, under their public names."""
    table: dict[int, tuple[Any, str]] = {}
    for namespace in (keras.activations, tf.nn, tf.math):
        for name in dir(namespace):
            function = getattr(namespace, name)
            if callable(function) and not isinstance(function, type) and not name.startswith("_"):
                table.setdefault(id(function), (function, name.lower()))
    return table


_ACTIVATIONS = _activation_table()


def layer_kind(layer: Any) -> str:
    """'Conv2D' for Keras' own Conv2D; a submission's class is marked, whatever its name."""
    return class_label(type(layer))


def flat_layers(model: Any) -> list[Any]:
    """The model's layers in order, nested Keras models expanded, input layers dropped."""
    layers = []
    for layer in sublayers(model, recursive=False):
        if is_exactly(layer, keras.layers.InputLayer):
            continue
        if is_genuine(type(layer)) and inherits(layer, keras.Model):
            layers.extend(flat_layers(layer))
        else:
            layers.append(layer)
    return layers


def own_activation_layer(layer: Any) -> Any:
    """The Keras layer object a layer applies as its ``activation`` (``Dense(20, activation=ReLU())``), else None."""
    function = vars(layer).get("activation")
    return function if inherits(function, keras.Layer) else None


def computing_layers(model: Any) -> list[Any]:
    """Every layer that computes something itself, in Keras' order: the layers to observe.

    That is a layer without sublayers, or one whose only sublayer is the layer object it
    applies as its ``activation`` (Keras tracks ``Dense(20, activation=LeakyReLU())``'s
    LeakyReLU as a sublayer of the Dense); such an activation object is part of its layer.
    """
    layers = [layer for layer in sublayers(model) if layer_kind(layer) != "InputLayer"]
    activations = {id(own_activation_layer(layer)) for layer in layers} - {id(None)}
    return [layer for layer in layers if id(layer) not in activations and all(
        sub is own_activation_layer(layer) for sub in sublayers(layer, recursive=False))]


def activation_name(layer: Any) -> str | None:
    """'relu', 'softmax', 'linear'... for a Keras layer's own activation (None if it has none)."""
    if not is_genuine(type(layer)):
        return None
    kind = layer_kind(layer)
    if kind in ACTIVATION_LAYERS:
        if kind == "Activation":
            return function_name(layer.activation)
        return kind.lower().replace("leakyrelu", "leaky_relu")
    own = own_activation_layer(layer)
    if own is not None and is_genuine(type(own)):
        return activation_name(own)
    function = getattr(layer, "activation", None)
    return function_name(function) if function is not None else None


def function_name(function: Any) -> str:
    """The public name of a Keras or TensorFlow function; a submission's function is marked."""
    known = _ACTIVATIONS.get(id(function))
    if known is not None and known[0] is function:
        return known[1]
    return str(getattr(function, "__name__", None) or class_label(type(function))).lower() + OWN_FUNCTION


def layer_config(layer: Any) -> dict[str, Any]:
    """The settings of a layer of Keras' own class ({} for a class of the submission).

    Read through that class's ``get_config`` (an instance's own ``get_config`` is never
    called); a built kernel's shape overrides ``filters``, ``units`` and ``kernel_size``,
    which Keras does not read again after building and an instance may rewrite.
    """
    if not is_genuine(type(layer)):
        return {}
    config = type(layer).get_config(layer)
    plain = {key: plain_value(config[key]) for key in CONFIG_KEYS if key in config}
    return {**plain, **_kernel_dimensions(layer)}


def _kernel_dimensions(layer: Any) -> dict[str, Any]:
    kernel = getattr(layer, "kernel", None) if getattr(layer, "built", False) else None
    shape = [int(d) for d in getattr(kernel, "shape", ())]
    if any(is_exactly(layer, kind) for kind in _CONVOLUTIONS) and len(shape) >= 3:
        return {"kernel_size": shape[:-2], "filters": shape[-1]}
    if is_exactly(layer, keras.layers.Dense) and len(shape) == 2:
        return {"units": shape[-1]}
    return {}
