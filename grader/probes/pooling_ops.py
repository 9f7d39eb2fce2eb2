"""Pooling as TensorFlow really computes it, whether a Keras layer or ``call`` asks for it.

The contract's pooling ("every pooling layer has ``pool_size == strides`` and halves the
feature maps", "MaxPooling2D(2)") is a computation, and students write it as a Keras
layer or as ``tf.nn.max_pool2d`` / ``tf.nn.avg_pool2d`` / ``tf.nn.pool`` / ``keras.ops``
inside a subclassed model's ``call``. Every one of those ends in one of TensorFlow's
generated pooling ops (``gen_nn_ops.max_pool`` ...), taken here before the submission is
imported. During one forward pass those ops are tapped too, and every pooling that does
not belong to a Keras pooling layer (which ``tapped_layers`` records already) becomes a
record of its own, in call order, with the window, strides and padding TensorFlow got.
"""

from __future__ import annotations

import contextlib
import inspect
from typing import Any, Iterator

import numpy as np
from tensorflow.python.ops import gen_nn_ops

from grader.probes.models import computing_layers, layer_kind
from grader.probes.tapped_layers import POOLING_KINDS, tapped_calls

IN_CALL = "applied in call"
_OPS = {name: getattr(gen_nn_ops, name) for name in
        ("max_pool", "max_pool_v2", "avg_pool", "max_pool3d", "avg_pool3d")}
_SIGNATURES = {name: inspect.signature(op) for name, op in _OPS.items()}


def _kind(name: str, rank: int) -> str:
    """What the op computes, under the name of the Keras layer that computes the same."""
    family = "MaxPooling" if name.startswith("max") else "AveragePooling"
    return f"{family}{rank - 2}D"


def _spatial(values: Any, data_format: str) -> list[int]:
    """The spatial entries of an op's per-dimension ``ksize`` or ``strides``."""
    values = [int(v) for v in np.asarray(values).reshape(-1)]
    return values[2:] if data_format.startswith("NC") else values[1:-1]


def _record(name: str, arguments: dict, output: Any, keep: bool) -> dict[str, Any]:
    """One pooling computation, described like a tapped Keras pooling layer."""
    tensor = next(iter(arguments.values()))
    data_format = str(arguments.get("data_format") or "NHWC")
    padding = arguments.get("padding")
    config = {"pool_size": _spatial(arguments["ksize"], data_format),
              "strides": _spatial(arguments["strides"], data_format),
              "padding": (padding.decode() if isinstance(padding, bytes) else str(padding)).lower()}
    record = {"layer": None, "kind": _kind(name, len(tensor.shape)), "config": config,
              "activation": None, "written": IN_CALL,
              "input_shape": [int(d) for d in tensor.shape[1:]],
              "output_shape": [int(d) for d in output.shape[1:]]}
    if keep:
        record["input"] = np.asarray(tensor, dtype=np.float64)
        record["output"] = np.asarray(output, dtype=np.float64)
    return record


@contextlib.contextmanager
def tapped_pooling(records: list[dict], keep_values: frozenset[str]) -> Iterator[list[dict]]:
    """Append a record to ``records`` for every pooling op run while the context is open."""
    saved = {name: getattr(gen_nn_ops, name) for name in _OPS}

    def tap(name):
        def wrapped(*args, **kwargs):
            bound = _SIGNATURES[name].bind(*args, **kwargs)
            bound.apply_defaults()
            output = _OPS[name](*args, **kwargs)
            kind = _kind(name, len(next(iter(bound.arguments.values())).shape))
            records.append(_record(name, dict(bound.arguments), output, kind in keep_values))
            return output
        return wrapped

    for name in _OPS:
        setattr(gen_nn_ops, name, tap(name))
    try:
        yield records
    finally:
        for name, op in saved.items():
            setattr(gen_nn_ops, name, op)


def without_layer_ops(records: list[dict]) -> list[dict]:
    """Drop the op that a Keras pooling layer ran itself: the layer's record, just after it, says it."""
    kept = []
    for index, record in enumerate(records):
        following = records[index + 1] if index + 1 < len(records) else None
        inside_layer = (record.get("written") == IN_CALL and following is not None
                        and following.get("written") is None and following["kind"] in POOLING_KINDS)
        if not inside_layer:
            kept.append(record)
    return kept


def forward_with_pooling(model: Any, inputs: np.ndarray, keep_values: frozenset[str] = frozenset(),
                         substitute: dict[int, np.ndarray] | None = None) -> tuple[np.ndarray, list[dict]]:
    """``tapped_layers.traced_forward`` over ``computing_layers``, pooling in ``call`` recorded in order.

    ``record["layer"]`` (and ``substitute``'s keys) index ``computing_layers(model)``.
    """
    import tensorflow as tf

    model(inputs[:1])  # build lazily-built models before tapping their layers
    eager_before = tf.config.functions_run_eagerly()
    tf.config.run_functions_eagerly(True)
    try:
        with tapped_calls(computing_layers(model), keep_values, substitute) as records, \
                tapped_pooling(records, keep_values):
            output = np.asarray(model(inputs))
    finally:
        tf.config.run_functions_eagerly(eager_before)
    return output, without_layer_ops(records)


def forward_keeping_values(model: Any, inputs: np.ndarray) -> tuple[np.ndarray, list[dict]]:
    """``forward_with_pooling`` with the input and output of every call kept in its record."""
    kinds = frozenset(layer_kind(layer) for layer in computing_layers(model)) | POOLING_KINDS
    return forward_with_pooling(model, inputs, keep_values=kinds)
