"""Describing a student's Keras model as plain data: layer kinds, configs, shapes, params.

Correct code in any style the contract allows must describe the same: Sequential,
functional (whose ``layers`` start with an ``InputLayer``) or subclassed models, and
activations written as separate layers (folded into the layer before them).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.worker.loader import ContractError

ACTIVATION_LAYERS = {"Activation", "ReLU", "LeakyReLU", "Softmax", "ELU", "PReLU"}
CONFIG_KEYS = ("filters", "kernel_size", "strides", "padding", "units", "pool_size", "rate",
               "use_bias", "axis", "momentum", "epsilon")


def expect_model(value: Any, producer: str) -> Any:
    """``value`` if it is a Keras model, else a ContractError naming what came back."""
    import tensorflow as tf

    if not isinstance(value, tf.keras.Model):
        raise ContractError(f"{producer} must return a tf.keras.Model, but returned "
                            f"{type(value).__name__}")
    return value


def flat_layers(model: Any) -> list[Any]:
    """The model's layers in order, nested models expanded, input layers dropped."""
    layers = []
    for layer in getattr(model, "layers", []):
        if type(layer).__name__ == "InputLayer":
            continue
        if hasattr(layer, "layers") and type(layer).__name__ in ("Sequential", "Functional", "Model"):
            layers.extend(flat_layers(layer))
        else:
            layers.append(layer)
    return layers


def activation_name(layer: Any) -> str | None:
    """'relu', 'softmax', 'linear'... for a layer's own activation (None if it has none)."""
    if type(layer).__name__ in ACTIVATION_LAYERS:
        if type(layer).__name__ == "Activation":
            return _function_name(layer.activation)
        return type(layer).__name__.lower().replace("leakyrelu", "leaky_relu")
    function = getattr(layer, "activation", None)
    return _function_name(function) if function is not None else None


def _function_name(function: Any) -> str:
    name = getattr(function, "__name__", None) or type(function).__name__
    return str(name).lower()


def describe_layers(model: Any, input_shape: tuple[int, ...], batch: int = 2,
                    seed: int = 0) -> dict[str, Any]:
    """Feed a batch through the layers one by one and record what each does.

    Separate activation layers are folded into the layer before them, so
    ``Conv2D(8, 3, activation="relu")`` and ``Conv2D(8, 3), ReLU()`` describe alike.
    """
    x = np.random.default_rng(seed).uniform(-1, 1, (batch, *input_shape)).astype("float32")
    output = np.asarray(model(x))
    described: list[dict[str, Any]] = []
    chain_ok = True
    current = x
    for layer in flat_layers(model):
        kind = type(layer).__name__
        try:
            current = layer(current) if chain_ok else current
        except Exception:  # noqa: BLE001 - a branching model cannot be fed layer by layer
            chain_ok = False
        shape = list(np.shape(current))[1:] if chain_ok else None
        if kind in ACTIVATION_LAYERS and described:
            described[-1]["activation"] = activation_name(layer)
            described[-1]["output_shape"] = shape
            continue
        described.append({"kind": kind, "activation": activation_name(layer),
                          "config": layer_config(layer), "params": int(layer.count_params()),
                          "output_shape": shape})
    return {"model_class": type(model).__name__, "layers": described,
            "total_params": int(model.count_params()), "output": output,
            "chain_matches_model": chain_ok and np.allclose(np.asarray(current), output, atol=1e-5)}


def layer_config(layer: Any) -> dict[str, Any]:
    config = layer.get_config()
    return {key: _plain(config[key]) for key in CONFIG_KEYS if key in config}


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
