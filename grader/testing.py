"""What a task's test files use besides pytest: errors the engine understands and helpers
that read answers in any harmless form.

A check fails with ``assert condition, "feedback for the student"``. Errors raised by the
``probe`` and ``answers`` fixtures carry the student-facing message themselves.
"""

from __future__ import annotations

import ast
import math
import re
from typing import Any

import numpy as np

MISSING_KINDS = frozenset({"missing_module", "missing_name", "not_implemented", "unreadable"})
FAILED_KINDS = MISSING_KINDS | {"contract"}


KERAS3_TF_FUNCTION_CALL_TRAP = (
    "Under Keras 3, a @tf.function on the model's `call`, called from the @tf.function "
    "train_step, creates the layers' variables inside a traced call and their gradients are "
    "lost. Remove @tf.function from `call` (keep it on train_step).")


class StudentCodeError(Exception):
    """The student's code could not produce an observation (missing, crashed, timed out)."""

    def __init__(self, kind: str, message: str, where: str | None = None,
                 during: str | None = None, details: str = ""):
        super().__init__(message)
        self.kind, self.message, self.where, self.during, self.details = (
            kind, message, where, during, details)

    @property
    def missing(self) -> bool:
        return self.kind in MISSING_KINDS

    @property
    def is_failure(self) -> bool:
        """A wrong or absent answer (failed) rather than a crash or hang (error)."""
        return self.kind in FAILED_KINDS


class NotJudged(Exception):
    """A check that cannot measure because another check's fault stands in the way.

    ``because`` is the id of that check in the same task. Scoring costs the student no
    points for a check not judged while ``because`` failed; if ``because`` passed, the
    check counts as failed (nothing is awarded for a measurement that was not made).
    """

    def __init__(self, message: str, because: str):
        super().__init__(message)
        self.message, self.because = message, because


def not_judged(message: str, because: str):
    """End the check as not judged: ``because`` (a check id) already names the fault."""
    raise NotJudged(message, because)


class MissingAnswer(Exception):
    """answers.yaml lacks a key, or its value is empty."""


class BadAnswer(Exception):
    """An answer is present but in a form that cannot be read (e.g. 'many' for a number)."""


def as_choice(value: Any, options: tuple[str, ...]) -> str:
    """Match a written choice case-insensitively: 'mse', ' MSE ' -> 'MSE'."""
    text = str(value).strip().strip("'\"`").strip()
    for option in options:
        if text.lower() == option.lower():
            return option
    raise BadAnswer(f"expected one of {', '.join(options)}, got {str(value)[:60]!r}")


def as_bool(value: Any) -> bool:
    """Accept true/false, yes/no and 'True'/'False' written as text."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "y"):
        return True
    if text in ("false", "no", "n"):
        return False
    raise BadAnswer(f"expected true or false, got {str(value)[:60]!r}")


def as_int_list(value: Any) -> list[int]:
    """A list of integers from a YAML list or from text like '(32, 1918, 1078, 32)'."""
    items = _as_sequence(value)
    try:
        return [_as_int(item) for item in items]
    except (TypeError, ValueError):
        raise BadAnswer(f"expected whole numbers, got {str(value)[:80]!r}") from None


def as_shape(value: Any) -> list[int]:
    """A shape such as [28, 28, 8], '(28, 28, 8)' or '28x28x8'; a leading None batch is dropped."""
    if isinstance(value, str) and re.fullmatch(r"\s*\d+(\s*[x×]\s*\d+)+\s*", value):
        return as_int_list(re.split(r"[x×]", value))
    items = _as_sequence(value)
    if items and (items[0] is None or str(items[0]).strip().lower() in ("none", "null", "b", "batch")):
        items = items[1:]
    return as_int_list(items)


def as_shape_list(value: Any) -> list[list[int]]:
    """A list of shapes, each in any form ``as_shape`` reads."""
    return [as_shape(item) for item in _as_sequence(value)]


def _as_sequence(value: Any) -> list:
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value.strip())
        except (ValueError, SyntaxError):
            raise BadAnswer(f"could not read {value[:80]!r} as a list") from None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [value]
    if not isinstance(value, (list, tuple)):
        raise BadAnswer(f"expected a list, got {str(value)[:80]!r}")
    return list(value)


def _as_int(item: Any) -> int:
    if isinstance(item, bool):
        raise TypeError("bool is not a number here")
    if isinstance(item, str):
        item = item.strip().replace(",", "").replace("_", "")
    number = float(item)
    if not math.isfinite(number) or number != int(number):
        raise ValueError(f"{item!r} is not a whole number")
    return int(number)


def require_no_error(observation: dict, key: str = "error") -> dict:
    """Fail with the student's own error (and the Keras 3 trap, when it applies) if there was one."""
    error = observation.get(key)
    if error:
        trap = f" {KERAS3_TF_FUNCTION_CALL_TRAP}" if observation.get("call_is_tf_function") else ""
        raise AssertionError(f"Your code raised {error}{trap}")
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
