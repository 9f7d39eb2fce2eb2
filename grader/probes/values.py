"""Reading values that student code returns without running the student's own methods.

``int(x)`` on an ``int`` subclass calls its ``__int__``, which a submission may define to
lie (and ``__eq__`` to agree with anything); ``np.asarray(x)`` calls ``__array__``,
``x.dtype`` and ``x.shape`` are whatever the object answers. These helpers take the value
the object really holds, through the base type's own methods (captured here, before the
submission is imported), or refuse it. Which base type an object has is decided by its
real MRO (grader.probes.genuine), never by ``isinstance``. Only where a value is compared
with numbers the trusted side computes is an object of another class converted by
NumPy (``read_array``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from tensorflow.python.framework.dtypes import as_dtype
from tensorflow.python.framework.ops import EagerTensor

from grader.probes.errors import ContractError
from grader.probes.genuine import OWN_CLASS, inherits, is_exactly, type_label

_int_value = int.__int__
_float_value = float.__float__
_scalar_item = np.generic.item
_array_view = np.ndarray.view
_tensor_values = EagerTensor._numpy_internal  # numpy() would call the instance's own _numpy
_tensor_dtype = EagerTensor._datatype_enum


def measured_array(value: Any) -> np.ndarray | None:
    """The array a number, NumPy array or eager tensor really holds (a plain ndarray); else None.

    Python numbers go through ``int``'s and ``float``'s own conversions, NumPy scalars and
    arrays through NumPy's base classes, eager tensors through TensorFlow's own buffer read;
    anything else (a list, an object of the submission's own class) is None.
    """
    if inherits(value, bool):
        return np.asarray(_int_value(value) != 0)
    if inherits(value, int):
        return np.asarray(_int_value(value))
    if inherits(value, float):
        return np.asarray(_float_value(value))
    if inherits(value, np.generic):
        return np.asarray(_scalar_item(value))
    if inherits(value, np.ndarray):
        return np.array(_array_view(value, np.ndarray), copy=True)
    if is_exactly(value, EagerTensor):
        return np.array(_tensor_values(value), copy=True)
    return None


def read_array(value: Any) -> np.ndarray | None:
    """``measured_array``, or NumPy's conversion of an object of any other class (None if it fails).

    Converting such an object asks it (``__array__``, ``__float__``); that is harmless for
    values, which the trusted checks compare with numbers they compute themselves, so a
    lying answer can only be the right one. Types are never read this way.
    """
    array = measured_array(value)
    if array is not None:
        return array
    try:
        array = np.array(value, dtype=np.float64, copy=True)
    except (TypeError, ValueError, OverflowError):
        return None
    return _array_view(array, np.ndarray) if inherits(array, np.ndarray) else None


def measured_number(value: Any) -> float | None:
    """The first number in a returned value (see ``read_array``) as a float; else None."""
    array = read_array(value)
    if array is None or array.size == 0 or array.dtype.kind not in "biuf":
        return None
    return float(array.reshape(-1)[0])


def measured_scalar(value: Any) -> float | None:
    """The number in a returned value when it holds exactly one (see ``read_array``); else None."""
    array = read_array(value)
    return measured_number(array) if array is not None and array.size == 1 else None


def measured_dtype(value: Any) -> str | None:
    """The dtype name of a NumPy array or scalar, or of an eager tensor; None for anything else."""
    if is_exactly(value, EagerTensor):
        return as_dtype(_tensor_dtype(value)).name
    if inherits(value, np.ndarray) or inherits(value, np.generic):
        return measured_array(value).dtype.name
    return None


_PHRASES = {"NoneType": "None", "bool": "a bool (True or False)", "int": "a Python int",
            "float": "a Python float", "str": "a string", "list": "a list", "tuple": "a tuple",
            "dict": "a dict", "ndarray": "a NumPy array", "EagerTensor": "a TensorFlow tensor",
            "SymbolicTensor": "a symbolic TensorFlow tensor (made inside a tf.function)",
            "generator": "a generator", "function": "a function",
            "builtin_function_or_method": "a function"}


def described_type(value: Any) -> str:
    """What ``value`` is, in words a student reads after "returned": 'a TensorFlow tensor (EagerTensor)'.

    Named by its real type (never by what it says); NumPy scalars read 'a NumPy float32
    scalar', a class of the submission 'an object of your class Foo'.
    """
    label = type_label(value)
    if label.endswith(OWN_CLASS):
        return f"an object of your class {label[:-len(OWN_CLASS)]}"
    if label in ("EagerTensor", "SymbolicTensor", "ndarray"):
        return f"{_PHRASES[label]} ({label})" if label != "ndarray" else _PHRASES[label]
    if label in _PHRASES:
        return _PHRASES[label]
    if inherits(value, np.generic):
        return f"a NumPy {label} scalar"
    return f"{'an' if label[:1].lower() in 'aeiou' else 'a'} {label}"


def plain_number(value: Any, producer: str) -> int | float:
    """The true int or float held by ``value``; a ContractError for anything else."""
    if inherits(value, bool):
        raise ContractError(f"{producer} must return a number, not a bool")
    array = measured_array(value)
    if array is None or array.size != 1 or array.dtype.kind not in "iuf":
        raise ContractError(f"{producer} must return a number, but returned {described_type(value)}")
    return array.reshape(-1)[0].item()


def plain_value(value: Any) -> Any:
    """A config value as JSON data, read through the base types (containers become lists)."""
    if type(value) in (list, tuple):
        return [plain_value(item) for item in value]
    if value is None:
        return None
    if inherits(value, bool):
        return _int_value(value) != 0
    if inherits(value, int):
        return _int_value(value)
    if inherits(value, float):
        return _float_value(value)
    if inherits(value, str):
        return str.__str__(value)
    if inherits(value, np.generic):
        return _scalar_item(value)
    return str(value)
