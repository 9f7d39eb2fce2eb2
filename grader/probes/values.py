"""Reading values that student code returns without running the student's own methods.

``int(x)`` on an ``int`` subclass calls its ``__int__``, which a submission may define to
lie (and ``__eq__`` to agree with anything). These helpers take the value the object
really holds, through the base type's own C-level methods, or refuse it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.worker.loader import ContractError


def plain_number(value: Any, producer: str) -> int | float:
    """The true int or float held by ``value``; a ContractError for anything else."""
    kind = type(value)  # type(), unlike isinstance(), cannot be fooled by a __class__ property
    if issubclass(kind, bool):
        raise ContractError(f"{producer} must return a number, not a bool")
    if issubclass(kind, int):
        return int.__int__(value)
    if issubclass(kind, float):
        return float.__float__(value)
    if issubclass(kind, (np.integer, np.floating)) and kind.__module__ == "numpy":
        return np.asarray(value).item()
    if kind is np.ndarray and value.size == 1 and value.dtype.kind in "iuf":
        return np.ndarray.item(value)
    if kind.__name__ == "EagerTensor" and kind.__module__.startswith("tensorflow"):
        return plain_number(np.asarray(value.numpy()), producer)
    return _refuse(value, producer)


def _refuse(value: Any, producer: str) -> Any:
    raise ContractError(f"{producer} must return a number, but returned {type(value).__name__}")
