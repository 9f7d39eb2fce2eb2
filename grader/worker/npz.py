"""The arrays of a frame: NumPy arrays out of a message into a stored NPZ, and back, bounded.

An array stands in the JSON as ``{"__ndarray__": "a0"}``; only numbers and booleans
travel (nothing that holds objects, never a pickle). Reading checks every member before
a byte of its data is read: stored (never compressed), a ``.npy`` of format 1.0 or 2.0,
an allowed dtype, and a size within the frame's budget. Anything else is an ``ArrayError``
(the protocol reports it as a malformed frame).
"""

from __future__ import annotations

import io
import math
import zipfile
from typing import Any

import numpy as np

ALLOWED_DTYPE_KINDS = frozenset("biuf")  # bool, int, uint, float: nothing that holds objects
_ARRAY_KEY = "__ndarray__"


class ArrayError(Exception):
    """The array part of a frame is malformed or over its budget."""


def pack(arrays: dict[str, np.ndarray]) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, allow_pickle=False, **arrays)  # stored, never compressed
    return buffer.getvalue()


def extract_arrays(value: Any, arrays: dict[str, np.ndarray]) -> Any:
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in ALLOWED_DTYPE_KINDS:
            raise ValueError(f"arrays of dtype {value.dtype} cannot be sent; use numbers or booleans")
        key = f"a{len(arrays)}"
        arrays[key] = np.ascontiguousarray(value)
        return {_ARRAY_KEY: key}
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return {str(k): extract_arrays(v, arrays) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [extract_arrays(v, arrays) for v in value]
    return value


def load_arrays(blob: bytes, budget: int) -> dict[str, np.ndarray]:
    """The arrays of an NPZ part, read member by member within ``budget`` decoded bytes."""
    try:
        bundle = zipfile.ZipFile(io.BytesIO(blob))
        members = bundle.infolist()
    except Exception as exc:  # a corrupt archive can raise almost anything
        raise ArrayError(f"invalid array archive: {type(exc).__name__}: {exc}") from None
    arrays = {}
    for info in members:
        if info.compress_type != zipfile.ZIP_STORED:
            raise ArrayError(f"array {info.filename!r} is compressed; only stored members are accepted")
        if not info.filename.endswith(".npy"):
            raise ArrayError(f"array member {info.filename!r} is not a .npy array")
        arrays[info.filename[:-4]] = _read_member(bundle, info, budget)
        budget -= arrays[info.filename[:-4]].nbytes
    return arrays


def _read_member(bundle: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> np.ndarray:
    """One ``.npy`` member: its header checked against the budget before its data is read."""
    try:
        with bundle.open(info) as member:
            version = np.lib.format.read_magic(member)
            if version not in ((1, 0), (2, 0)):
                raise ArrayError(f"array {info.filename!r} has .npy format {version}")
            reader = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = reader(member)
            if dtype.kind not in ALLOWED_DTYPE_KINDS or dtype.hasobject or dtype.fields is not None:
                raise ArrayError(f"array {info.filename!r} has disallowed dtype {dtype}")
            nbytes = math.prod(shape) * dtype.itemsize
            if nbytes > budget or nbytes != info.file_size - member.tell():
                raise ArrayError(f"array {info.filename!r} claims {nbytes} bytes; its member or the cap disagree")
            data = member.read(nbytes)
    except ArrayError:
        raise
    except Exception as exc:  # a corrupt member can raise almost anything
        raise ArrayError(f"invalid array {info.filename!r}: {type(exc).__name__}: {exc}") from None
    array_ = np.frombuffer(data, dtype=dtype).reshape(shape, order="F" if fortran else "C")
    return array_.copy()


def insert_arrays(value: Any, arrays: dict[str, np.ndarray]) -> Any:
    if isinstance(value, dict):
        if set(value) == {_ARRAY_KEY}:
            try:
                return arrays[value[_ARRAY_KEY]]
            except (KeyError, TypeError):
                raise ArrayError(f"reference to unknown array {value[_ARRAY_KEY]!r}") from None
        return {k: insert_arrays(v, arrays) for k, v in value.items()}
    if isinstance(value, list):
        return [insert_arrays(v, arrays) for v in value]
    return value
