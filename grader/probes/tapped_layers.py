"""What every layer of a Keras model really does during one forward pass.

Walking ``model.layers`` in list order is not enough: a subclassed model lists its
layers in the order they were assigned, may call one layer twice, and may apply an activation with ``tf.nn.relu`` inside ``call`` (no layer at all).
The helpers here instead tap the ``call`` of every leaf layer for one real forward pass,
so the record follows the order in which the model calls its layers, in any style
(Sequential, functional, subclassed, nested blocks), and can hold the actual inputs and
outputs of chosen layers.

Leaves are found through Keras' own tracking (grader.probes.tracked), and each record's
kind, config and activation are measured as ``grader.probes.models`` does: by identity
with Keras' classes and functions, never by the layer's own answers.
"""

from __future__ import annotations

import contextlib
from typing import Any, Iterator

import numpy as np

from grader.probes.models import activation_name, layer_config, layer_kind
from grader.probes.tracked import sublayers

POOLING_KINDS = frozenset({"MaxPooling1D", "MaxPooling2D", "MaxPooling3D",
                           "AveragePooling1D", "AveragePooling2D", "AveragePooling3D"})


def leaf_layers(model: Any) -> list[Any]:
    """Every layer of ``model`` (nested models and custom blocks expanded) with no sublayers."""
    return [layer for layer in sublayers(model)
            if not sublayers(layer, recursive=False) and layer_kind(layer) != "InputLayer"]


def _first_tensor(value: Any) -> Any:
    while isinstance(value, (list, tuple)) and value:
        value = value[0]
    return value


def _shape_without_batch(value: Any) -> list[int | None] | None:
    shape = getattr(_first_tensor(value), "shape", None)
    if shape is None:
        return None
    return [None if d is None else int(d) for d in list(shape)[1:]]


@contextlib.contextmanager
def tapped_calls(layers: list[Any], keep_values: frozenset[str] = frozenset(),
                 substitute: dict[int, np.ndarray] | None = None) -> Iterator[list[dict]]:
    """Record each call of these layers: kind, config, activation, input and output shapes.

    Layers whose class name is in ``keep_values`` also record their input and output as
    float64 NumPy arrays (``"input"``, ``"output"``). ``substitute`` maps a layer's index
    in ``layers`` to an array that replaces that layer's (first) input, to observe what the
    rest of the model does with inputs of one's choosing. The taps are removed on exit.
    """
    substitute = substitute or {}
    records: list[dict[str, Any]] = []
    saved = []
    for index, layer in enumerate(layers):
        saved.append((layer, "call" in vars(layer), vars(layer).get("call")))
        object.__setattr__(layer, "call", _tap(layer, index, records, keep_values, substitute.get(index)))
    try:
        yield records
    finally:
        for layer, had_own, own in saved:
            if had_own:
                object.__setattr__(layer, "call", own)
            else:
                object.__delattr__(layer, "call")


def _tap(layer: Any, index: int, records: list[dict], keep_values: frozenset[str],
         replacement: np.ndarray | None) -> Any:
    """``layer.call`` that appends its record to ``records``, its first input replaced if asked."""
    import tensorflow as tf

    original = layer.call

    def wrapped(*args, **kwargs):
        if replacement is not None and args:
            dtype = getattr(_first_tensor(args[0]), "dtype", tf.float32)
            args = (tf.convert_to_tensor(replacement, dtype=dtype), *args[1:])
        output = original(*args, **kwargs)
        records.append(_call_record(layer, index, args, output, keep_values))
        return output

    return wrapped


def _call_record(layer: Any, index: int, args: tuple, output: Any, keep_values: frozenset[str]) -> dict:
    kind = layer_kind(layer)
    record = {"layer": index, "kind": kind, "config": layer_config(layer),
              "activation": activation_name(layer),
              "input_shape": _shape_without_batch(args[0]) if args else None,
              "output_shape": _shape_without_batch(output)}
    if kind in keep_values:
        record["input"] = np.asarray(_first_tensor(args[0]), dtype=np.float64)
        record["output"] = np.asarray(_first_tensor(output), dtype=np.float64)
    return record


def traced_forward(model: Any, inputs: np.ndarray, keep_values: frozenset[str] = frozenset(),
                   substitute: dict[int, np.ndarray] | None = None) -> tuple[np.ndarray, list[dict]]:
    """Call ``model`` once on ``inputs`` (eagerly, so a ``tf.function`` call is seen too).

    Returns the model's output as a NumPy array and the per-call records of its leaf
    layers in call order (see ``tapped_calls``; ``record["layer"]`` indexes
    ``leaf_layers(model)``, the indices ``substitute`` uses).
    """
    import tensorflow as tf

    model(inputs[:1])  # build lazily-built models before tapping their layers
    eager_before = tf.config.functions_run_eagerly()
    tf.config.run_functions_eagerly(True)
    try:
        with tapped_calls(leaf_layers(model), keep_values, substitute) as records:
            output = np.asarray(model(inputs))
    finally:
        tf.config.run_functions_eagerly(eager_before)
    return output, records


def affine_residual(inputs: np.ndarray, outputs: np.ndarray) -> float:
    """How far ``outputs`` is from an affine function of ``inputs`` (0 = exactly affine).

    Least-squares fit of ``outputs ~ inputs @ A + b`` over the rows (samples); returns the
    norm of the residual relative to the norm of the centred outputs. The inputs are
    first reduced to the directions they actually span (singular values above 1e-5 of the
    largest; float32 rounding stays below), so rank-deficient inputs (e.g.
    samples on a low-dimensional subspace) are handled.
    """
    x = np.asarray(inputs, dtype=np.float64).reshape(len(inputs), -1)
    y = np.asarray(outputs, dtype=np.float64).reshape(len(outputs), -1)
    y_centred = y - y.mean(axis=0)
    scale = float(np.linalg.norm(y_centred))
    if scale == 0.0 or not np.isfinite(scale):
        return 0.0 if scale == 0.0 else float("nan")
    x_centred = x - x.mean(axis=0)
    u, s, _ = np.linalg.svd(x_centred, full_matrices=False)
    rank = int(np.sum(s > 1e-5 * s[0])) if s.size else 0
    basis = u[:, :rank]
    residual = y_centred - basis @ (basis.T @ y_centred)
    return float(np.linalg.norm(residual) / scale)
