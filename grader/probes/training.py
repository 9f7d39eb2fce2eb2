"""Observing one training step of a student's model: which variables moved, what broke.

Used for the Keras 3 trap (TASKS.md): a subclassed model whose ``call`` is a
``tf.function``, called from a ``tf.function`` ``train_step``, may leave variables
without gradients ("Gradients do not exist for variables ...") or fail with
"No gradients provided for any variable".
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from grader.worker.loader import exception_text


def is_tf_function(value: Any) -> bool:
    return hasattr(value, "experimental_get_tracing_count") and hasattr(value, "get_concrete_function")


def call_is_tf_function(model: Any) -> bool:
    """Whether the model class decorates ``call`` with ``@tf.function``."""
    return is_tf_function(getattr(type(model), "call", None)) or is_tf_function(
        getattr(model, "call", None))


def first_steps_report(model: Any, step: Any, x: np.ndarray, target: np.ndarray) -> dict[str, Any]:
    """Run ``step(x, target)`` twice on a model that was never called before and report.

    The first step creates the variables (where the trap strikes); the second shows
    which trainable variables actually move. Reports Keras' gradient warnings, the error
    raised (if any), the losses returned and, per variable, whether it changed.
    """
    first = _observed_step(step, x, target)
    report = {"error": first["error"], "warnings": first["warnings"], "loss": first["loss"],
              "call_is_tf_function": call_is_tf_function(model), "variables": [], "changed": []}
    if first["error"] is None:
        before = weights_snapshot(model)
        second = _observed_step(step, x, target)
        report["error"] = second["error"]
        report["warnings"] += second["warnings"]
        report["variables"] = [getattr(v, "path", getattr(v, "name", "?"))
                               for v in model.trainable_variables]
        report["changed"] = changed_variables(model, before)
    return report


def _observed_step(step: Any, x: np.ndarray, target: np.ndarray) -> dict[str, Any]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            loss, error = step(x, target), None
        except Exception as exc:  # noqa: BLE001 - the student's step may raise anything
            loss, error = None, exception_text(exc)
    return {"loss": _scalar(loss), "error": error,
            "warnings": [str(w.message)[:400] for w in caught if "radient" in str(w.message)]}


def weights_snapshot(model: Any) -> list[np.ndarray]:
    return [np.array(v.numpy(), copy=True) for v in model.trainable_variables]


def changed_variables(model: Any, before: list[np.ndarray]) -> list[bool]:
    after = weights_snapshot(model)
    return [bool(b.shape != a.shape or not np.array_equal(b, a)) for b, a in zip(before, after)]


def _scalar(value: Any) -> float | None:
    if value is None:
        return None
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return float(array.reshape(-1)[0]) if array.size == 1 else None
