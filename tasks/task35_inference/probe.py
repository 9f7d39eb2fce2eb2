"""Task 35 probes: hand ``predict_digit`` a spy model and record exactly what it is fed.

The spy is a subclassed ``tf.keras.Model`` that records every input its ``call`` receives
(shape with the batch dimension, values), the dtype of what ``predict_digit`` hands to
``model(...)`` or ``model.predict(...)`` (before Keras converts it), and answers with fixed
probabilities whose argmax is ``target``. Strict, it behaves like a trained CNN on
(b, 28, 28, 1): any other input shape raises Keras' usual "incompatible with the layer"
error, after it has been recorded; lenient, it answers one row per leading entry, so the
checks of the returned value run even when the input shape is wrong. It works with
``model(x)``, ``model(x, training=False)`` and ``model.predict(x)`` (it runs eagerly; a
traced call is recorded through ``tf.numpy_function``).
"""

import re

import numpy as np
import tensorflow as tf

from grader.probes import exception_text
from grader.probes.genuine import type_label
from grader.probes.values import described_type, measured_dtype, measured_scalar

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _spy_class(calls, handed, strict):
    """The spy's class; ``calls`` and ``handed`` (closures, so Keras does not wrap them)
    collect what ``call`` receives and the dtypes ``predict_digit`` passes in."""

    class SpyModel(tf.keras.Model):
        def __init__(self, target):
            super().__init__()
            self.target = int(target)
            self.run_eagerly = True  # model.predict then calls `call` with eager tensors
            self._entered = [False]

        def __call__(self, *args, **kwargs):
            return self._entry(super().__call__, args, kwargs)

        def predict(self, *args, **kwargs):
            return self._entry(super().predict, args, kwargs)

        def _entry(self, method, args, kwargs):
            """Record the dtype of the outermost input (predict calls the model again inside)."""
            if self._entered[0]:
                return method(*args, **kwargs)
            handed.append(_handed_dtype(args, kwargs))
            self._entered[0] = True
            try:
                return method(*args, **kwargs)
            finally:
                self._entered[0] = False

        def call(self, inputs, training=None):
            x = inputs
            while isinstance(x, (list, tuple)) and len(x) == 1:
                x = x[0]
            return _fixed_answer(_recorded(x, calls), self.target, strict)

    return SpyModel


def _handed_dtype(args, kwargs):
    """The dtype (else the kind) of the input ``predict_digit`` hands to the model."""
    x = args[0] if args else next(iter(kwargs.values()), None)
    while type(x) in (list, tuple) and len(x) == 1:
        x = x[0]
    return measured_dtype(x) or described_type(x)


def _recorded(x, calls):
    """``x``, its values appended to ``calls`` when computed (eagerly, or in a trace through
    ``tf.numpy_function``)."""
    if tf.executing_eagerly():
        _record(calls, np.asarray(x), x.dtype.name)
        return x
    dtype = x.dtype.name
    marker = tf.numpy_function(lambda value: _record(calls, value, dtype), [x], tf.int64)
    with tf.control_dependencies([marker]):
        return tf.identity(x)


def _fixed_answer(x, target, strict):
    """Probabilities whose argmax is ``target``, one row per example; strict, only for (b, 28, 28, 1)."""
    shape = tuple(x.shape)
    if strict and (len(shape) != 4 or tuple(shape[1:]) != (28, 28, 1)):
        raise ValueError(
            'Input 0 of layer "conv2d" is incompatible with the layer: expected '
            f"shape=(None, 28, 28, 1), found shape={shape}")
    row = tf.one_hot(target, 10, on_value=0.55, off_value=0.05, dtype=tf.float32)
    return tf.tile(row[tf.newaxis, :], tf.stack([tf.shape(x)[0], 1]))


def _record(calls, value, dtype):
    value = np.asarray(value)
    entry = {"dtype": dtype, "shape": list(value.shape), "min": None, "max": None, "values": None}
    if value.dtype.kind in "biuf" and value.size:
        as_float = value.astype(np.float64)
        entry.update(min=float(as_float.min()), max=float(as_float.max()), values=as_float)
    calls.append(entry)
    return np.int64(len(calls))


def _condensed(text):
    """Keras' "Exception encountered when calling ..." wrapper reduced to the error itself."""
    text = _ANSI.sub("", text)
    if "Exception encountered when calling" not in text:
        return text
    kind = text.split(":", 1)[0]
    lines = [line.strip() for line in text.splitlines()[1:] if line.strip()]
    lines = [line for line in lines if not line.startswith(("Arguments received", "•"))]
    return f"{kind}: {' '.join(lines)}" if lines else text


def predict(student, target=7, seed=0, strict=True):
    """Call ``predict_digit(spy, image)`` once; report what the spy saw and what came back."""
    tf.keras.utils.set_random_seed(seed)
    rng = np.random.default_rng(seed)
    image = rng.integers(0, 256, size=(28, 28, 1), dtype=np.uint8)
    image[0, 0, 0], image[0, 1, 0] = 0, 255
    calls, handed = [], []
    spy = _spy_class(calls, handed, strict)(target)
    report = {"image": image.copy(), "target": int(target), "calls": calls, "handed": handed,
              "error": None, "returned_type": None, "returned_kind": None, "returned": None}
    try:
        returned = student.predict_digit(spy, image.copy())
    except Exception as exc:  # noqa: BLE001 - the quiz's fault raises here; the checks explain it
        report["error"] = _condensed(exception_text(exc))
        return report
    report["returned_type"] = type_label(returned)  # a class named `int` is not int
    report["returned_kind"] = described_type(returned)
    report["returned"] = measured_scalar(returned)
    return report
