"""Wire format between the trusted grader and the sandboxed worker.

A frame is ``u64 length | u32 json_length | JSON | NPZ``. JSON carries plain data; NumPy
arrays travel in the NPZ part (never pickled) and stand in the JSON as
``{"__ndarray__": "a0"}``. Both sides import this module, so it uses only the standard
library and NumPy.
"""

from __future__ import annotations

import io
import json
import struct
from typing import Any, BinaryIO

import numpy as np

MAX_FRAME_BYTES = 64 * 1024 * 1024
ALLOWED_DTYPE_KINDS = frozenset("biuf")  # bool, int, uint, float: nothing that holds objects
_HEADER = struct.Struct(">QI")
_ARRAY_KEY = "__ndarray__"


class ProtocolError(Exception):
    """The other side sent something that is not a well-formed frame."""


def encode(message: Any) -> bytes:
    """Serialise ``message`` (dicts, lists, scalars, NumPy arrays) into one frame."""
    arrays: dict[str, np.ndarray] = {}
    plain = _extract_arrays(message, arrays)
    body = json.dumps(plain, allow_nan=True).encode("utf-8")
    blob = b""
    if arrays:
        buffer = io.BytesIO()
        np.savez(buffer, allow_pickle=False, **arrays)
        blob = buffer.getvalue()
    return _HEADER.pack(4 + len(body) + len(blob), len(body)) + body + blob


def decode(payload: bytes) -> Any:
    """Parse the payload of one frame (everything after the u64 length)."""
    if len(payload) < 4:
        raise ProtocolError("frame too short")
    (json_length,) = struct.unpack(">I", payload[:4])
    if json_length > len(payload) - 4:
        raise ProtocolError("JSON part longer than frame")
    try:
        plain = json.loads(payload[4 : 4 + json_length].decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(f"invalid JSON in frame: {exc}") from None
    blob = payload[4 + json_length :]
    arrays = _load_arrays(blob) if blob else {}
    return _insert_arrays(plain, arrays)


def write_frame(stream: BinaryIO, message: Any) -> None:
    """Write one frame and flush, so the reader never waits on a buffer."""
    stream.write(encode(message))
    stream.flush()


def read_frame(stream: BinaryIO, max_bytes: int = MAX_FRAME_BYTES) -> Any:
    """Read one frame; raise EOFError on a closed stream, ProtocolError on garbage."""
    head = _read_exactly(stream, 8)
    (length,) = struct.unpack(">Q", head)
    if length > max_bytes:
        raise ProtocolError(f"frame of {length} bytes exceeds the {max_bytes}-byte limit")
    return decode(_read_exactly(stream, length))


def _read_exactly(stream: BinaryIO, count: int) -> bytes:
    chunks = []
    remaining = count
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            raise EOFError("stream closed")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _extract_arrays(value: Any, arrays: dict[str, np.ndarray]) -> Any:
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in ALLOWED_DTYPE_KINDS:
            raise ValueError(f"arrays of dtype {value.dtype} cannot be sent; use numbers or booleans")
        key = f"a{len(arrays)}"
        arrays[key] = np.ascontiguousarray(value)
        return {_ARRAY_KEY: key}
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return {str(k): _extract_arrays(v, arrays) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_extract_arrays(v, arrays) for v in value]
    return value


def _load_arrays(blob: bytes) -> dict[str, np.ndarray]:
    try:
        with np.load(io.BytesIO(blob), allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
    except Exception as exc:  # a corrupt archive can raise almost anything
        raise ProtocolError(f"invalid array archive: {type(exc).__name__}: {exc}") from None
    for name, array in arrays.items():
        if type(array) is not np.ndarray or array.dtype.kind not in ALLOWED_DTYPE_KINDS:
            raise ProtocolError(f"array {name!r} has disallowed dtype {array.dtype}")
    return arrays


def _insert_arrays(value: Any, arrays: dict[str, np.ndarray]) -> Any:
    if isinstance(value, dict):
        if set(value) == {_ARRAY_KEY}:
            try:
                return arrays[value[_ARRAY_KEY]]
            except (KeyError, TypeError):
                raise ProtocolError(f"reference to unknown array {value[_ARRAY_KEY]!r}") from None
        return {k: _insert_arrays(v, arrays) for k, v in value.items()}
    if isinstance(value, list):
        return [_insert_arrays(v, arrays) for v in value]
    return value
