"""Convolutions a block computes with TensorFlow's op on its own variables, measured by a tap.

A course idiom for custom layers creates the kernels with ``add_weight`` and calls
``tf.nn.conv2d`` in ``call`` (in a small ``Conv`` layer of the student's or on the block
itself): no Keras ``Conv2D`` layer exists to read. Every 2-D convolution of TensorFlow
(``tf.nn.conv2d``, ``tf.nn.convolution``, Keras' own Conv2D) ends in
``gen_nn_ops.conv2d``, taken here before the submission is imported. One eager inference
call of the block with that function tapped records each convolution's filter, strides,
padding and dilation as TensorFlow received them; the filter is matched to a variable
Keras tracks in the block (by identity, else by value), so the kernel is the variable the
block really trains. A variable is that convolution's bias when moving it by d moves the
block's output exactly as adding d to the convolution's output does (behaviour, not names).
"""

from __future__ import annotations

import contextlib
import inspect
from typing import Any, Iterator

import numpy as np
from tensorflow.python.ops import gen_nn_ops

from grader.probes.tracked import weights

_CONV2D = gen_nn_ops.conv2d
_SIGNATURE = inspect.signature(_CONV2D)


@contextlib.contextmanager
def _tapped(records: list[dict], match: Any, offsets: dict[int, np.ndarray]) -> Iterator[None]:
    """Record every conv2d op (filter, attributes, the variable it is); add ``offsets`` to outputs."""
    def tapped(*args: Any, **kwargs: Any) -> Any:
        bound = _SIGNATURE.bind(*args, **kwargs)
        bound.apply_defaults()
        record = {**bound.arguments, "variable": match(bound.arguments["filter"])}
        records.append(record)
        output = _CONV2D(*args, **kwargs)
        offset = offsets.get(id(record["variable"])) if record["variable"] is not None else None
        return output if offset is None else output + offset

    gen_nn_ops.conv2d = tapped
    try:
        yield
    finally:
        gen_nn_ops.conv2d = _CONV2D


def _eager_call(block: Any, x: np.ndarray, match: Any, offsets: dict[int, np.ndarray] | None = None,
                records: list[dict] | None = None) -> np.ndarray:
    """The block's inference output on ``x``, run eagerly (a tf.function ``call`` too), tapped."""
    import tensorflow as tf

    eager_before = tf.config.functions_run_eagerly()
    tf.config.run_functions_eagerly(True)
    try:
        with _tapped([] if records is None else records, match, offsets or {}):
            return np.asarray(block(tf.constant(x), training=False), dtype=np.float64)
    finally:
        tf.config.run_functions_eagerly(eager_before)


def _matcher(candidates: list[Any]) -> Any:
    """Map a filter TensorFlow received to the tracked variable it is (identity, else equal value)."""
    def match(filter_value: Any) -> Any:
        for variable in candidates:
            if filter_value is variable:
                return variable
        try:
            value = np.asarray(filter_value)
        except Exception:  # noqa: BLE001 - a symbolic tensor has no value
            return None
        for variable in candidates:
            if tuple(variable.shape) == value.shape and np.array_equal(variable.numpy(), value):
                return variable
        return None
    return match


def measured_convolutions(block: Any, x: np.ndarray, known_kernels: set[int],
                          excluded: set[int]) -> list[dict]:
    """Each conv2d op on a variable of ``block`` that is not a known Keras kernel, with its bias.

    ``excluded``: ids of variables that cannot be a raw convolution's bias (Keras layers' own).
    """
    candidates = [v for v in weights(block) if len(v.shape) == 4 and id(v) not in known_kernels]
    if not candidates:
        return []
    records: list[dict] = []
    match = _matcher(candidates)
    baseline = _eager_call(block, x, match, records=records)
    found, seen = [], set()
    for record in records:
        variable = record["variable"]
        if variable is None or id(variable) in seen:
            continue
        seen.add(id(variable))
        found.append({"kernel": variable, "strides": [int(s) for s in record["strides"]][1:3],
                      "padding": str(record["padding"]).lower(),
                      "dilation": [int(d) for d in record["dilations"]][1:3]})
    used: set[int] = set(excluded)
    for conv in found:
        conv["bias"] = _bias_of(block, x, match, conv["kernel"], baseline, used)
        if conv["bias"] is not None:
            used.add(id(conv["bias"]))
    return found


def _bias_of(block: Any, x: np.ndarray, match: Any, kernel: Any, baseline: np.ndarray, used: set[int]) -> Any:
    """The variable that acts as ``kernel``'s bias: moving it equals moving the convolution's output."""
    channels = int(kernel.shape[-1])
    shift = np.random.default_rng(channels).normal(size=channels).astype(np.float32)
    shifted = _eager_call(block, x, match, offsets={id(kernel): shift})
    if _close(shifted, baseline):
        return None
    for variable in weights(block):
        if id(variable) in used or tuple(variable.shape) != (channels,) or not variable.trainable:
            continue
        saved = np.array(variable.numpy(), copy=True)
        try:
            variable.assign(saved + shift.astype(saved.dtype))
            moved = _eager_call(block, x, match)
        finally:
            variable.assign(saved)
        if _close(moved, shifted):
            return variable
    return None


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    scale = 1.0 + float(np.max(np.abs(a), initial=0.0))
    return a.shape == b.shape and bool(np.max(np.abs(a - b), initial=0.0) <= 1e-5 * scale)
