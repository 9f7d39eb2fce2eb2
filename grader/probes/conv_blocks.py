"""Observing a student's convolutional building block (a ``tf.keras.layers.Layer``).

Used by the ResNet/DenseNet tasks (40, 42, 44). Sublayer attribute names are the
student's choice, so sublayers are found through Keras' own tracking
(grader.probes.tracked: attributes, lists, dicts and nested Sequentials alike, read
through ``keras.Layer``'s own methods, not the block's), and only sublayers that were
really used (built, holding weights) are reported: a 1x1 projection created in
``__init__`` but never called does not count. Keras' Conv2D and BatchNormalization count
with their subclasses (a student's ``class Conv3x3(Conv2D)``), judged by the real MRO;
their settings are read through Keras' own descriptors and the instance's own
``__dict__``, never through the subclass's attributes. What a subclass's ``call`` really
computes is still measured: the arithmetic checks recompute the block from the kernels.
Convolutions a block computes with ``tf.nn.conv2d`` on its own ``add_weight`` variables
are measured too, by a tap on TensorFlow's op (grader.probes.op_convolutions), on the
input of the block's last call.

To make a block's arithmetic reproducible in the trusted checks, a probe can turn every
BatchNormalization layer into an exact identity in inference mode (moving mean 0,
moving variance 1 - epsilon, gamma 1, beta 0) and zero chosen convolutions; it then
returns the kernels and the output, and the check recomputes the block with NumPy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from grader.probes import op_convolutions, tracked
from grader.probes.errors import ContractError, error_text
from grader.probes.genuine import class_label, genuine_base, inherits
from grader.probes.models import activation_name
from grader.probes.trainability import trainability_report
from grader.probes.values import plain_value


def random_input(shape: tuple[int, ...], seed: int, scale: float = 1.0, shift: float = 0.0) -> np.ndarray:
    """Seeded float32 N(shift, scale^2) data of ``shape``."""
    return (np.random.default_rng(seed).normal(size=shape) * scale + shift).astype(np.float32)


def sublayers(block: Any) -> list[Any]:
    """Every layer tracked inside ``block`` (recursively, each instance once)."""
    return tracked.sublayers(block)


@dataclass
class Convolution:
    """One convolution the block uses: a Keras Conv2D, or TensorFlow's op on the block's own variables."""

    kernel: Any
    bias: Any
    strides: list[int]
    padding: str
    dilation: list[int]
    groups: int = 1
    activation: str | None = None


def _keras_convolutions(block: Any) -> list[Any]:
    """Conv2D sublayers (Keras' class or a subclass) that hold weights, in tracking order."""
    import tensorflow as tf

    return [layer for layer in sublayers(block)
            if inherits(layer, tf.keras.layers.Conv2D) and tracked.weights(layer)]


def _from_layer(conv: Any) -> Convolution:
    return Convolution(kernel=setting(conv, "kernel"),
                       bias=setting(conv, "bias") if setting(conv, "use_bias", False) else None,
                       strides=[int(s) for s in setting(conv, "strides", (1, 1))],
                       padding=str(setting(conv, "padding", "valid")).lower(),
                       dilation=[int(d) for d in setting(conv, "dilation_rate", (1, 1))],
                       groups=int(setting(conv, "groups", 1)), activation=activation_name(conv))


_LAST_INPUT: dict[int, tuple[Any, np.ndarray]] = {}   # id(block) -> (block, input of its last call)
_MEASURED: dict[int, tuple[Any, list[Convolution]]] = {}
_REMEMBERED = 8


def _remember(cache: dict, block: Any, value: Any) -> None:
    cache[id(block)] = (block, value)
    while len(cache) > _REMEMBERED:
        cache.pop(next(iter(cache)))


def _op_convolutions(block: Any, layers: list[Any]) -> list[Convolution]:
    """Convolutions on the block's own variables (tf.nn.conv2d), measured once per block."""
    if id(block) in _MEASURED:
        return _MEASURED[id(block)][1]
    found: list[Convolution] = []
    if id(block) in _LAST_INPUT:
        keras_owned = {id(v) for layer in [*layers, *used_batchnorms(block)] for v in tracked.weights(layer)}
        kernels = {id(setting(layer, "kernel")) for layer in layers}
        found = [Convolution(**conv) for conv in op_convolutions.measured_convolutions(
            block, _LAST_INPUT[id(block)][1], kernels, keras_owned)]
    _remember(_MEASURED, block, found)
    return found


def used_convolutions(block: Any) -> list[Convolution]:
    """Every convolution that holds weights: Keras Conv2D layers, then TensorFlow's op on own variables."""
    layers = _keras_convolutions(block)
    return [*(_from_layer(layer) for layer in layers), *_op_convolutions(block, layers)]


def used_batchnorms(block: Any) -> list[Any]:
    """BatchNormalization sublayers (or subclasses) that hold weights, in tracking order."""
    import tensorflow as tf

    return [layer for layer in sublayers(block)
            if inherits(layer, tf.keras.layers.BatchNormalization) and tracked.weights(layer)]


def setting(layer: Any, name: str, default: Any = None) -> Any:
    """A layer's attribute as Keras set it: Keras' own property, else the instance's own dict."""
    descriptor = getattr(genuine_base(type(layer)), name, None)
    if isinstance(descriptor, property):
        return descriptor.fget(layer)
    own = object.__getattribute__(layer, "__dict__")
    return own[name] if name in own else default


def _values(variable: Any) -> np.ndarray:
    return np.array(np.asarray(variable), dtype=np.float32, copy=True)


def describe_convolution(conv: Convolution) -> dict[str, Any]:
    """Kernel and bias values, strides, padding, dilation and activation of one convolution."""
    kernel = _values(conv.kernel)
    return {"kernel": kernel,
            "kernel_shape": [int(d) for d in kernel.shape],
            "bias": np.zeros(kernel.shape[-1], np.float32) if conv.bias is None else _values(conv.bias),
            "strides": list(conv.strides), "padding": conv.padding, "dilation": list(conv.dilation),
            "groups": conv.groups, "activation": conv.activation}


def describe_batchnorm(bn: Any) -> dict[str, Any]:
    return {"size": int(np.prod(setting(bn, "moving_mean").shape)),
            "axis": plain_value(setting(bn, "axis")), "epsilon": plain_value(setting(bn, "epsilon"))}


def moving_statistics(bns: list[Any]) -> list[np.ndarray]:
    return [np.concatenate([np.asarray(setting(bn, "moving_mean")).ravel(),
                            np.asarray(setting(bn, "moving_variance")).ravel()]) for bn in bns]


def _assign(variable: Any, value: float) -> None:
    if variable is not None:
        variable.assign(np.full(variable.shape, value, np.float32))


def make_batchnorm_identity(block: Any) -> int:
    """Turn every used BatchNormalization into an exact identity in inference mode."""
    bns = used_batchnorms(block)
    for bn in bns:
        _assign(setting(bn, "moving_mean"), 0.0)
        _assign(setting(bn, "moving_variance"), max(1.0 - float(setting(bn, "epsilon")), 1e-6))
        _assign(setting(bn, "gamma"), 1.0)
        _assign(setting(bn, "beta"), 0.0)
    return len(bns)


def zero_convolutions(block: Any, select: Callable[[Convolution], bool]) -> int:
    """Set every weight (kernel and bias) of the selected convolutions to zero."""
    chosen = [conv for conv in used_convolutions(block) if select(conv)]
    for conv in chosen:
        for variable in (conv.kernel, conv.bias):
            _assign(variable, 0.0)
    return len(chosen)


def zero_biases(block: Any) -> None:
    """Zero the bias of every used convolution (Keras starts them at 0; students may not)."""
    for conv in used_convolutions(block):
        _assign(conv.bias, 0.0)


def kernel_size(conv: Convolution) -> tuple[int, ...]:
    """Height and width of the kernel the convolution really holds."""
    return tuple(int(k) for k in conv.kernel.shape[:2])


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
    _remember(_LAST_INPUT, block, x)
    return {"output": np.asarray(result, dtype=np.float32), "error": None}


def output_shape(call: dict[str, Any]) -> list[int] | None:
    return None if call["output"] is None else [int(d) for d in call["output"].shape]


def build_symbolically(block: Any, channels: int) -> str | None:
    """Build ``block`` on a symbolic input of unknown height and width; the error as text, or None.

    Every sublayer is built with its real channel counts even where concrete sizes would
    clash later (a 'valid' convolution before a concatenation), so the structure stays
    measurable.
    """
    import tensorflow as tf

    try:
        block(tf.keras.Input(shape=(None, None, channels)))
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - explained by the checks
        return error_text(exc)
    return None


def trainability_of_first_running(settings: list[tuple[str, Callable[[], Any], np.ndarray]]) -> dict[str, Any]:
    """The trainability report of the first setting (label, build, input) whose block runs.

    A fault that makes some settings raise (a missing projection) is named by its own
    check; whether the weights train is measured where the block runs at all.
    """
    report: dict[str, Any] = {}
    for label, build, x in settings:
        report = {**trainability_report(build, x), "setting": label}
        if not report["error"]:
            break
    return report
