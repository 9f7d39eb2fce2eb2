"""Wire format between the trusted grader, the worker's zygote and its children.

A frame is ``u64 length | u32 json_length | JSON | NPZ``. JSON carries plain data; NumPy
arrays travel in the NPZ part (never pickled) and stand in the JSON as
``{"__ndarray__": "a0"}``. Every request carries a ``nonce`` that its reply echoes, so a
frame nobody asked for is recognised. Frames are read straight from the socket (no
buffering: a descriptor handed over with SCM_RIGHTS rides on the first byte of its
frame) against a deadline, and decoding is bounded: frame and JSON sizes are capped,
compressed NPZ members are refused and every ``.npy`` header's shape and dtype are
checked against the cap before a byte of data is read. Both sides import this module,
so it uses only the standard library and NumPy.
"""

from __future__ import annotations

import array
import io
import json
import math
import os
import secrets
import socket
import struct
import time
import zipfile
from typing import Any

import numpy as np

MAX_FRAME_BYTES = 64 * 1024 * 1024
MAX_JSON_BYTES = 8 * 1024 * 1024
MAX_ARRAY_BYTES = 64 * 1024 * 1024       # all arrays of one frame, decoded
ALLOWED_DTYPE_KINDS = frozenset("biuf")  # bool, int, uint, float: nothing that holds objects
MAX_FDS = 4
SEND_TIMEOUT = 30.0
_HEADER = struct.Struct(">QI")
_ARRAY_KEY = "__ndarray__"


class ProtocolError(Exception):
    """The other side sent something that is not a well-formed frame."""


def new_nonce() -> str:
    return secrets.token_hex(8)


def encode(message: Any) -> bytes:
    """Serialise ``message`` (dicts, lists, scalars, NumPy arrays) into one frame."""
    arrays: dict[str, np.ndarray] = {}
    plain = _extract_arrays(message, arrays)
    body = json.dumps(plain, allow_nan=True).encode("ascii")  # non-ASCII travels as \u escapes
    blob = b""
    if arrays:
        buffer = io.BytesIO()
        np.savez(buffer, allow_pickle=False, **arrays)  # stored, never compressed
        blob = buffer.getvalue()
    return _HEADER.pack(4 + len(body) + len(blob), len(body)) + body + blob


def decode(payload: bytes, max_array_bytes: int = MAX_ARRAY_BYTES) -> Any:
    """Parse the payload of one frame (everything after the u64 length)."""
    if len(payload) < 4:
        raise ProtocolError("frame too short")
    (json_length,) = struct.unpack(">I", payload[:4])
    if json_length > len(payload) - 4 or json_length > MAX_JSON_BYTES:
        raise ProtocolError(f"JSON part of {json_length} bytes is longer than the frame or the cap")
    try:
        plain = json.loads(payload[4 : 4 + json_length].decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(f"invalid JSON in frame: {str(exc)[:200]}") from None
    blob = payload[4 + json_length :]
    arrays = _load_arrays(blob, max_array_bytes) if blob else {}
    return _insert_arrays(plain, arrays)


def send_frame(sock: socket.socket, message: Any, fds: tuple[int, ...] = ()) -> None:
    """Send one frame; ``fds`` (descriptors to hand over) ride on its first bytes."""
    frame = encode(message)
    sock.settimeout(SEND_TIMEOUT)
    sent = socket.send_fds(sock, [frame], list(fds)) if fds else 0
    sock.sendall(frame[sent:])


def receive_frame(sock: socket.socket, timeout: float | None = None, max_bytes: int = MAX_FRAME_BYTES,
                  max_array_bytes: int = MAX_ARRAY_BYTES) -> Any:
    """Read one frame within ``timeout`` seconds in all (None: wait forever).

    Raises EOFError on a closed socket, TimeoutError past the deadline, ProtocolError on
    garbage. Descriptors sent along are discarded by the kernel (plain ``recv``).
    """
    return _receive(sock, timeout, max_bytes, max_array_bytes, None)


def receive_frame_and_fds(sock: socket.socket, timeout: float | None = None, max_bytes: int = MAX_FRAME_BYTES,
                          max_array_bytes: int = MAX_ARRAY_BYTES) -> tuple[Any, list[int]]:
    """One frame and the descriptors handed over with it (the caller owns and closes them);
    descriptors that came with a bad frame are closed."""
    fds: list[int] = []
    try:
        return _receive(sock, timeout, max_bytes, max_array_bytes, fds), fds
    except BaseException:
        for fd in fds:
            _close_quietly(fd)
        raise


def _receive(sock: socket.socket, timeout: float | None, max_bytes: int, max_array_bytes: int,
             fds: list[int] | None) -> Any:
    deadline = None if timeout is None else time.monotonic() + timeout
    (length,) = struct.unpack(">Q", _receive_exactly(sock, 8, deadline, fds))
    if length > max_bytes:
        raise ProtocolError(f"frame of {length} bytes exceeds the {max_bytes}-byte limit")
    return decode(_receive_exactly(sock, length, deadline, None), max_array_bytes)


def _receive_exactly(sock: socket.socket, count: int, deadline: float | None, fds: list[int] | None) -> bytes:
    buffer = bytearray(count)
    view, received = memoryview(buffer), 0
    while received < count:
        sock.settimeout(None if deadline is None else max(deadline - time.monotonic(), 0.001))
        try:
            if fds is not None and received == 0:
                got = _receive_with_fds(sock, view, fds)
            else:
                got = sock.recv_into(view[received:])
        except socket.timeout:
            raise TimeoutError("no complete frame before the deadline") from None
        if not got:
            raise EOFError("stream closed")
        received += got
        if deadline is not None and received < count and time.monotonic() > deadline:
            raise TimeoutError("no complete frame before the deadline")
    return bytes(buffer)


def _receive_with_fds(sock: socket.socket, view: memoryview, fds: list[int]) -> int:
    """recvmsg into ``view``: the bytes, and any descriptors in SCM_RIGHTS messages."""
    space = socket.CMSG_SPACE(MAX_FDS * array.array("i").itemsize)
    data, ancillary, _flags, _address = sock.recvmsg(len(view), space)
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            handed = array.array("i")
            handed.frombytes(payload[: len(payload) - len(payload) % handed.itemsize])
            fds.extend(handed)
    view[: len(data)] = data
    return len(data)


def _close_quietly(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


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


def _load_arrays(blob: bytes, budget: int) -> dict[str, np.ndarray]:
    """The arrays of an NPZ part, read member by member within ``budget`` decoded bytes."""
    try:
        bundle = zipfile.ZipFile(io.BytesIO(blob))
        members = bundle.infolist()
    except Exception as exc:  # a corrupt archive can raise almost anything
        raise ProtocolError(f"invalid array archive: {type(exc).__name__}: {exc}") from None
    arrays = {}
    for info in members:
        if info.compress_type != zipfile.ZIP_STORED:
            raise ProtocolError(f"array {info.filename!r} is compressed; only stored members are accepted")
        if not info.filename.endswith(".npy"):
            raise ProtocolError(f"array member {info.filename!r} is not a .npy array")
        arrays[info.filename[:-4]] = _read_member(bundle, info, budget)
        budget -= arrays[info.filename[:-4]].nbytes
    return arrays


def _read_member(bundle: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> np.ndarray:
    """One ``.npy`` member: its header checked against the budget before its data is read."""
    try:
        with bundle.open(info) as member:
            version = np.lib.format.read_magic(member)
            if version not in ((1, 0), (2, 0)):
                raise ProtocolError(f"array {info.filename!r} has .npy format {version}")
            reader = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = reader(member)
            if dtype.kind not in ALLOWED_DTYPE_KINDS or dtype.hasobject or dtype.fields is not None:
                raise ProtocolError(f"array {info.filename!r} has disallowed dtype {dtype}")
            nbytes = math.prod(shape) * dtype.itemsize
            if nbytes > budget or nbytes != info.file_size - member.tell():
                raise ProtocolError(f"array {info.filename!r} claims {nbytes} bytes; its member or the cap disagree")
            data = member.read(nbytes)
    except ProtocolError:
        raise
    except Exception as exc:  # a corrupt member can raise almost anything
        raise ProtocolError(f"invalid array {info.filename!r}: {type(exc).__name__}: {exc}") from None
    array_ = np.frombuffer(data, dtype=dtype).reshape(shape, order="F" if fortran else "C")
    return array_.copy()


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
