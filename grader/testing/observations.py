"""Reading what a probe sent back before comparing anything with it."""

from __future__ import annotations

from typing import Any

import numpy as np

KERAS3_TF_FUNCTION_CALL_TRAP = (
    "Under Keras 3, a @tf.function on the model's `call`, called from the @tf.function "
    "train_step, creates the layers' variables inside a traced call and their gradients are "
    "lost. Remove @tf.function from `call` (keep it on train_step).")


def require_no_error(observation: dict, key: str = "error", who: str = "Your code", after: str = "") -> dict:
    """Fail with the student's own error (and the Keras 3 trap, when it applies) if there was one.

    The feedback reads "{who} raised {error}{after}": ``who`` names what was called
    ("normalize(image)"), ``after`` how ("for a (5, 7) NumPy array.").
    """
    error = observation.get(key)
    if error:
        trap = f" {KERAS3_TF_FUNCTION_CALL_TRAP}" if observation.get("call_is_tf_function") else ""
        raise AssertionError(f"{who} raised {error}{after}{trap}")
    return observation


def array(observation: Any, *, shape: tuple | None = None, finite: bool = True) -> np.ndarray:
    """Validate an array that came back from the worker before comparing anything with it."""
    if type(observation) is not np.ndarray or observation.dtype.kind not in "biuf":
        raise AssertionError(f"expected a numeric array, got {type(observation).__name__}")
    if shape is not None and tuple(observation.shape) != tuple(shape):
        raise AssertionError(f"expected shape {tuple(shape)}, got {tuple(observation.shape)}")
    if finite and observation.dtype.kind == "f" and not np.all(np.isfinite(observation)):
        raise AssertionError("the values contain NaN or infinity")
    return observation
