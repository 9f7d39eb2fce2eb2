"""Whether every trainable variable of a fresh model or layer can train: measured, not asked.

The Keras 3 trap (TASKS.md, FINDINGS.md): when ``call`` is a ``tf.function`` and the
object's first call happens inside that trace, the weights are created inside the graph
and stay out of it for every later call with the same input shape: no gradient reaches
them and assigning new values does not change the output. So the object is built fresh
here and called the way a training loop calls it: a first call, then a training call
with the same input, under a gradient tape.

A variable trains when the training call gives it a gradient (not ``None``) and when
changing its value changes the output, in inference or in training mode (a bias before
BatchNormalization changes only the inference output).
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from grader.probes.errors import error_text
from grader.probes.tracked import trainable_weights, weights
from grader.probes.training import call_is_tf_function

MAX_VARIABLES = 200   # a probe's time stays bounded whatever the object holds

def trainability_report(build: Callable[[], Any], x: np.ndarray, seed: int = 0) -> dict[str, Any]:
    """Build with ``build()``, call on ``x`` as training does, report per trainable variable.

    When ``call`` is a tf.function and some variable does not train, the same is measured
    once more with every tf.function run eagerly (as if ``call`` had no decorator):
    ``trains_when_eager`` holds, per variable, whether it trains then, so the Keras 3 trap
    is told apart from a layer the code never uses.
    """
    report = _measure(build, x, seed)
    if report["error"] or not report["call_is_tf_function"] or all(_trains(report)):
        return report
    eager = _eagerly(lambda: _measure(build, x, seed))
    same = not eager["error"] and len(eager["variables"]) == len(report["variables"])
    return {**report, "trains_when_eager": _trains(eager) if same else None}


def seeded_trainability(build: Callable[[], Any], x: np.ndarray, seed: int = 0) -> dict[str, Any]:
    """``trainability_report`` with every generator seeded first (for a ``build`` that does not seed)."""
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    return trainability_report(build, x, seed)


def _measure(build: Callable[[], Any], x: np.ndarray, seed: int) -> dict[str, Any]:
    subject = build()
    try:
        _outputs(subject, x, training=True)                   # the first call creates the weights
        variables = trainable_weights(subject)[:MAX_VARIABLES]
        gradients = _training_gradients(subject, x, variables, seed)
        changes = [_changes_output(subject, x, variable, seed + index)
                   for index, variable in enumerate(variables)]
    except Exception as exc:  # noqa: BLE001 - the student's code may raise anything
        return {"error": error_text(exc), "call_is_tf_function": call_is_tf_function(subject)}
    return {"error": None, "call_is_tf_function": call_is_tf_function(subject),
            "variables": [_name(variable) for variable in variables],
            "has_gradient": [gradient is not None for gradient in gradients],
            "changes_output": changes}


def _trains(report: dict[str, Any]) -> list[bool]:
    return [bool(g and c) for g, c in zip(report["has_gradient"], report["changes_output"])]


def _eagerly(measure: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``measure()`` with every tf.function running its Python code eagerly."""
    import tensorflow as tf

    before = tf.config.functions_run_eagerly()
    tf.config.run_functions_eagerly(True)
    try:
        return measure()
    finally:
        tf.config.run_functions_eagerly(before)


def _outputs(subject: Any, x: np.ndarray, training: bool) -> list[Any]:
    """The object's float outputs (a tensor, or a structure of them) for input ``x``."""
    import tensorflow as tf

    returned = subject(tf.constant(x), training=training)
    outputs = [tf.cast(item, tf.float64) for item in tf.nest.flatten(returned)
               if tf.is_tensor(item) and item.dtype.is_floating]
    if not outputs:
        raise TypeError(f"the call returned {type(returned).__name__}, not a float tensor")
    return outputs


def _training_gradients(subject: Any, x: np.ndarray, variables: list[Any], seed: int) -> list[Any]:
    """Gradients of a random projection of the outputs, from a training call."""
    import tensorflow as tf

    rng = np.random.default_rng(seed)
    with tf.GradientTape() as tape:
        outputs = _outputs(subject, x, training=True)
        loss = tf.add_n([tf.reduce_sum(out * rng.normal(size=out.shape)) for out in outputs])
    return tape.gradient(loss, variables, unconnected_gradients=tf.UnconnectedGradients.NONE)


def _changes_output(subject: Any, x: np.ndarray, variable: Any, seed: int) -> bool:
    """Whether moving ``variable`` changes the output (every weight restored afterwards).

    Measured at a generic point: every trainable weight is first moved at random, so a
    weight that only looks ineffective at its initial value (behind an all-zero or
    constant layer, as symmetric initialisations make it) still counts as connected.
    """
    saved = [np.array(v.numpy(), copy=True) for v in weights(subject)]
    try:
        for index, trainable in enumerate(trainable_weights(subject)[:MAX_VARIABLES]):
            _move(trainable, seed + 7919 * (index + 1), _typical_scale(trainable))
        generic = [np.array(v.numpy(), copy=True) for v in weights(subject)]
        for training in (False, True):
            before = _outputs(subject, x, training)
            _restore(subject, generic)
            _move(variable, seed)
            after = _outputs(subject, x, training)
            _restore(subject, generic)
            if any(_differ(a.numpy(), b.numpy()) for a, b in zip(before, after)):
                return True
        return False
    finally:
        _restore(subject, saved)


def _move(variable: Any, seed: int, scale: float | None = None) -> None:
    value = np.array(variable.numpy(), copy=True)
    noise = np.random.default_rng(seed).normal(size=value.shape)
    step = 0.5 + np.std(value) if scale is None else scale
    variable.assign((value + noise * step).astype(value.dtype))


def _typical_scale(variable: Any) -> float:
    """A move as large as a usual initialisation (1/sqrt(fan-in)), so no unit saturates."""
    shape = [int(d) for d in variable.shape]
    fan_in = int(np.prod(shape[:-1])) if len(shape) >= 2 else 0
    return max(float(np.std(variable.numpy())), 1 / np.sqrt(fan_in) if fan_in else 0.1)


def _restore(subject: Any, saved: list[np.ndarray]) -> None:
    for variable, value in zip(weights(subject), saved):
        variable.assign(value)


def _differ(before: np.ndarray, after: np.ndarray) -> bool:
    if before.shape != after.shape:
        return True
    scale = 1.0 + float(np.max(np.abs(before), initial=0.0))
    return bool(np.max(np.abs(after - before), initial=0.0) > 1e-6 * scale)


def _name(variable: Any) -> str:
    return str(getattr(variable, "path", None) or getattr(variable, "name", "?"))[:120]
