"""Reading structured answers in any harmless form: 'mse', '(32, 1918, 1078, 32)', '28x28x8'."""

from __future__ import annotations

import ast
import math
import re
from typing import Any

from grader.testing.errors import BadAnswer


def as_choice(value: Any, options: tuple[str, ...]) -> str:
    """Match a written choice case-insensitively: 'mse', ' MSE ' -> 'MSE'."""
    text = str(value).strip().strip("'\"`").strip()
    for option in options:
        if text.lower() == option.lower():
            return option
    raise BadAnswer(f"expected one of {', '.join(options)}, got {str(value)[:60]!r}")


def check_choice(value: Any, options: tuple[str, ...], correct: str, why: str) -> None:
    """The answer names ``correct`` among ``options``, in any harmless spelling; else ``why`` explains it."""
    assert as_choice(value, options) == correct, why


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
