"""Wire format between the trusted grader, the worker's zygote and its children.

A frame is ``u64 length | u32 json_length | JSON | NPZ``. JSON carries plain data; NumPy
arrays travel in the NPZ part (never pickled) and stand in the JSON as
``{"__ndarray__": "a0"}``. Every request carries a ``nonce`` that its reply echoes, so a
frame nobody asked for is recognised. Frames are read straight from the socket (no
buffering: a descriptor handed over with SCM_RIGHTS rides on the first byte of its
frame) against a deadline, and decoding is bounded: frame and JSON sizes are capped,
compressed NPZ members are refused and every ``.npy`` header's shape and dtype are
checked against the cap before a byte of data is read (``grader.worker.npz``). Both
sides import this module, so it uses only the standard library and NumPy.

The records a frame carries are defined beside the wire: ``TaskSession`` (what a child
loads), ``ErrorKind`` (why a reply carries no value) and ``Failure`` (such a reply).
"""

from __future__ import annotations

import array
import json
import os
import secrets
import socket
import struct
import time
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from typing import Any

import numpy as np

from grader.worker import npz

MAX_FRAME_BYTES = 64 * 1024 * 1024
MAX_JSON_BYTES = 8 * 1024 * 1024
MAX_ARRAY_BYTES = 64 * 1024 * 1024       # all arrays of one frame, decoded
MAX_FDS = 4
SEND_TIMEOUT = 30.0
_HEADER = struct.Struct(">QI")


class ProtocolError(Exception):
    """The other side sent something that is not a well-formed frame."""


class ErrorKind(StrEnum):
    """Why a reply carries no value. A str enum: on the wire a kind is its plain string."""

    MISSING_MODULE = "missing_module"    # no code for the task in the submission
    UNREADABLE = "unreadable"            # the module was refused when the submission was read
    MISSING_NAME = "missing_name"        # the module does not define a name the task reads
    NOT_IMPLEMENTED = "not_implemented"  # the student's code raises NotImplementedError
    CONTRACT = "contract"                # it returned something that breaks the contract
    EXCEPTION = "exception"              # it raised
    EXIT = "exit"                        # it called sys.exit()
    TIMEOUT = "timeout"                  # it ran past its time limit
    CRASHED = "crashed"                  # the child running it ended abruptly
    INTERFERED = "interfered"            # the child sent what nobody asked for
    WORKER_LOST = "worker_lost"          # the worker itself stopped answering
    INTERNAL = "internal"                # the grader's own fault (e.g. a probe that does not exist)

    @classmethod
    def of(cls, value: Any) -> "ErrorKind":
        """The kind a reply names; a kind nobody defined is the grader's fault, not the student's."""
        try:
            return cls(value)
        except ValueError:
            return cls.INTERNAL


# Absent or unfinished work, and the wrong answers (a failed check, not an error).
MISSING_KINDS = frozenset({ErrorKind.MISSING_MODULE, ErrorKind.MISSING_NAME, ErrorKind.NOT_IMPLEMENTED,
                           ErrorKind.UNREADABLE})
FAILED_KINDS = MISSING_KINDS | {ErrorKind.CONTRACT}


@dataclass(frozen=True)
class Failure:
    """A reply without a value: what went wrong, while doing what (``during``) and where."""

    kind: ErrorKind
    during: str | None = None
    exception: str | None = None     # the exception's type, when one was raised
    message: str = ""
    where: str | None = None         # e.g. "task29_cnn.py, line 12"
    student_traceback: str = ""      # the frames in the student's files
    traceback: str = ""              # every frame (for staff)

    def to_wire(self) -> dict[str, Any]:
        return {"status": "error", **asdict(self)}

    @classmethod
    def from_wire(cls, reply: dict[str, Any]) -> "Failure":
        """The failure a reply describes, its texts as text whatever a child sent; its kind is
        INTERNAL when the reply names none we know."""
        texts = {field.name for field in fields(cls)} - {"kind"}
        return cls(ErrorKind.of(reply.get("kind")), **{key: reply[key] if reply[key] is None else str(reply[key])
                                                       for key in texts if key in reply})


@dataclass(frozen=True)
class TaskSession:
    """One task of one submission as its child runs it. Every field is always sent: the
    defaults of the limits live in the task's spec (``grader.domain.TaskSpec``), not here."""

    key: str                        # a new child whenever it changes (submission folder/task)
    task: str
    probe_path: str
    module_name: str
    module_path: str
    filename: str                   # where the code came from, as the student knows it
    names: tuple[str, ...]          # the module's names a probe may read
    sys_path: tuple[str, ...]       # appended to sys.path: the submission's helper modules
    student_files: tuple[str, ...]  # frames in these files are the student's
    load_timeout: float
    call_timeout: float
    memory_mb: int
    seed: int

    def to_wire(self) -> dict[str, Any]:
        return {key: list(value) if isinstance(value, tuple) else value for key, value in asdict(self).items()}

    @classmethod
    def from_wire(cls, data: Any) -> "TaskSession":
        names = [field.name for field in fields(cls)]
        if not isinstance(data, dict) or any(name not in data for name in names):
            raise ProtocolError("a session lacks some of its fields")
        return cls(**{name: tuple(data[name]) if isinstance(data[name], list) else data[name] for name in names})


def new_nonce() -> str:
    return secrets.token_hex(8)


def encode(message: Any) -> bytes:
    """Serialise ``message`` (dicts, lists, scalars, NumPy arrays) into one frame."""
    arrays: dict[str, np.ndarray] = {}
    plain = npz.extract_arrays(message, arrays)
    body = json.dumps(plain, allow_nan=True).encode("ascii")  # non-ASCII travels as \u escapes
    blob = npz.pack(arrays) if arrays else b""
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
    try:
        return npz.insert_arrays(plain, npz.load_arrays(blob, max_array_bytes) if blob else {})
    except npz.ArrayError as exc:
        raise ProtocolError(str(exc)) from None


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
