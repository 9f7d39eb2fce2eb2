"""Observing a student's convolutional building block (a ``tf.keras.layers.Layer``).

Used by the ResNet/DenseNet tasks (40, 42, 44). Sublayer attribute names are the
student's choice, so sublayers are found through Keras' own tracking
(grader.probes.tracked: attributes, lists, dicts and nested Sequentials alike, read
through ``keras.Layer``'s own methods, not the block's), and only sublayers that were
really used (built, holding weights) are reported: a 1x1 projection created in
``__init__`` but never called does not count. Only Keras' own Conv2D and
BatchNormalization classes count (grader.probes.genuine): a subclass's attributes need
not be what its ``call`` computes with.

To make a block's arithmetic reproducible in the trusted checks, a probe can turn every
BatchNormalization layer into an exact identity in inference mode (moving mean 0,
moving variance 1 - epsilon, gamma 1, beta 0) and zero chosen convolutions; it then
returns the kernels and the output, and the check recomputes the block with NumPy.
"""

from __future__ import annotations

import re
from typing import Any, Callable

import numpy as np

from grader.probes import tracked
from grader.probes.genuine import class_label, inherits, is_exactly
from grader.probes.models import activation_name
from grader.probes.values import plain_value
from grader.worker.loader import ContractError, exception_text


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_FUNCTION_NODE = re.compile(r"\{\{function_node [^}]*\}\}\s*")


def error_text(exc: BaseException) -> str:
    """``exception_text`` without Keras' call wrapper: the error's own message in one line.

    Keras wraps errors raised inside a layer's ``call`` as "Exception encountered when
    calling X.call(). <message> Arguments received by X.call(): ..."; the message is kept.
    """
    text = _FUNCTION_NODE.sub("", _ANSI.sub("", exception_text(exc, limit=4000)))
    text = text.split("Arguments received by", 1)[0]
    text = re.sub(r"Exception encountered when calling [\w.]+\(\)\.\s*", "", text)
    text = re.sub(r"\s+name:\s*$", "", " ".join(text.split()))
    return text[:400]


def expect_layer(value: Any, producer: str) -> Any:
    """``value`` if it really is a Keras layer (by its MRO), else a ContractError naming what came back."""
    import tensorflow as tf

    if not inherits(value, tf.keras.layers.Layer):
        raise ContractError(f"{producer} must be a tf.keras.layers.Layer, but it is "
                            f"{class_label(type(value))}")
    return value


def random_input(shape: tuple[int, ...], seed: int, scale: float = 1.0, shift: float = 0.0) -> np.ndarray:
    """Seeded float32 N(shift, scale^2) data of ``shape``."""
    return (np.random.default_rng(seed).normal(size=shape) * scale + shift).astype(np.float32)


def sublayers(block: Any) -> list[Any]:
    """Every layer tracked inside ``block`` (recursively, each instance once)."""
    return tracked.sublayers(block)


def used_convolutions(block: Any) -> list[Any]:
    """Keras' own Conv2D sublayers that hold weights (built by a call), in tracking order."""
    import tensorflow as tf

    return [layer for layer in sublayers(block)
            if is_exactly(layer, tf.keras.layers.Conv2D) and tracked.weights(layer)]


def used_batchnorms(block: Any) -> list[Any]:
    """Keras' own BatchNormalization sublayers that hold weights, in tracking order."""
    import tensorflow as tf

    return [layer for layer in sublayers(block)
            if is_exactly(layer, tf.keras.layers.BatchNormalization) and tracked.weights(layer)]


def describe_convolution(conv: Any) -> dict[str, Any]:
    """Kernel and bias values, strides, padding, dilation and activation of one Conv2D."""
    kernel = np.array(np.asarray(conv.kernel), dtype=np.float32, copy=True)
    bias = getattr(conv, "bias", None) if getattr(conv, "use_bias", False) else None
    return {"kernel": kernel,
            "kernel_shape": [int(d) for d in kernel.shape],
            "bias": (np.zeros(kernel.shape[-1], np.float32) if bias is None
                     else np.array(np.asarray(bias), dtype=np.float32, copy=True)),
            "strides": [int(s) for s in conv.strides],
            "padding": str(conv.padding).lower(),
            "dilation": [int(d) for d in conv.dilation_rate],
            "groups": int(getattr(conv, "groups", 1)),
            "activation": activation_name(conv)}


def describe_batchnorm(bn: Any) -> dict[str, Any]:
    return {"size": int(np.prod(bn.moving_mean.shape)), "axis": plain_value(bn.axis),
            "epsilon": plain_value(bn.epsilon)}


def moving_statistics(bns: list[Any]) -> list[np.ndarray]:
    return [np.concatenate([np.asarray(bn.moving_mean).ravel(), np.asarray(bn.moving_variance).ravel()])
            for bn in bns]


def make_batchnorm_identity(block: Any) -> int:
    """Turn every used BatchNormalization into an exact identity in inference mode."""
    bns = used_batchnorms(block)
    for bn in bns:
        bn.moving_mean.assign(np.zeros(bn.moving_mean.shape, np.float32))
        variance = max(1.0 - float(bn.epsilon), 1e-6)
        bn.moving_variance.assign(np.full(bn.moving_variance.shape, variance, np.float32))
        if getattr(bn, "gamma", None) is not None:
            bn.gamma.assign(np.ones(bn.gamma.shape, np.float32))
        if getattr(bn, "beta", None) is not None:
            bn.beta.assign(np.zeros(bn.beta.shape, np.float32))
    return len(bns)


def zero_convolutions(block: Any, select: Callable[[Any], bool]) -> int:
    """Set every weight (kernel and bias) of the selected convolutions to zero."""
    chosen = [conv for conv in used_convolutions(block) if select(conv)]
    for conv in chosen:
        for variable in conv.weights:
            variable.assign(np.zeros(variable.shape, variable.dtype))
    return len(chosen)


def zero_biases(block: Any) -> None:
    """Zero the bias of every used convolution (Keras starts them at 0; students may not)."""
    for conv in used_convolutions(block):
        if getattr(conv, "use_bias", False) and getattr(conv, "bias", None) is not None:
            conv.bias.assign(np.zeros(conv.bias.shape, conv.bias.dtype))


def kernel_size(conv: Any) -> tuple[int, ...]:
    return tuple(int(k) for k in conv.kernel_size)


def call_block(block: Any, x: np.ndarray, training: bool | None = False) -> dict[str, Any]:
    """Call ``block`` on ``x``; the output (float32 array) or the student's error as text.

    NotImplementedError propagates, so a stub is reported as not implemented.
    """
    import tensorflow as tf

    try:
        if training is None:
            result = block(tf.constant(x))
        else:
            result = block(tf.constant(x), training=training)
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - e.g. a shape mismatch in the addition, explained by the checks
        return {"output": None, "error": error_text(exc)}
    if inherits(result, (list, tuple)) or not hasattr(result, "shape"):
        raise ContractError(f"calling the layer must return one tensor, not {class_label(type(result))}")
    return {"output": np.asarray(result, dtype=np.float32), "error": None}


def output_shape(call: dict[str, Any]) -> list[int] | None:
    return None if call["output"] is None else [int(d) for d in call["output"].shape]
