"""One forked process per (submission, task): loads the student's module and runs probes.

The child is the only place where student code runs. It answers each call with plain
data or with a description of what went wrong; it never sees a test or an expected value.
"""

from __future__ import annotations

import os
import random
import socket
import sys
import sysconfig
import traceback
import warnings
from typing import Any

from grader.probes.errors import ContractError, exception_text, shorten_paths_under
from grader.worker import protocol
from grader.worker.loader import MissingName, StudentCode, load_module

MAX_MESSAGE_CHARS = 4000
SESSION_BYTES = 1024 * 1024  # sessions and calls are small; a reply may be large, a request never


def serve(sock: socket.socket) -> None:
    """Read the session from the trusted side, load its code, then answer calls until EOF.

    Every reply echoes its request's nonce. A failed import is answered once and the
    child ends (the trusted side keeps the answer for the task's other calls).
    """
    try:
        frame = protocol.receive_frame(sock, max_bytes=SESSION_BYTES)
        session = protocol.TaskSession.from_wire(frame)
    except (EOFError, OSError, protocol.ProtocolError):
        return
    _prepare_process(session.seed)
    paths = sysconfig.get_paths()
    shorten_paths_under(os.path.dirname(session.module_path), paths["purelib"], paths["stdlib"])
    try:
        probes, student = _load_session(session)
        loaded: dict[str, Any] = {"status": "ok"}
    except BaseException as exc:  # noqa: BLE001 - the student's import may raise anything
        probes = student = None
        loaded = describe_failure(exc, session, during="import")
    _reply(sock, loaded, frame.get("nonce"))
    while loaded["status"] == "ok":
        try:
            request = protocol.receive_frame(sock, max_bytes=SESSION_BYTES)
        except (EOFError, OSError, protocol.ProtocolError):
            return
        _reply(sock, _call_probe(probes, student, request, session), request.get("nonce"))


def _reply(sock: socket.socket, reply: dict[str, Any], nonce: Any) -> None:
    try:
        frame = protocol.encode({**reply, "nonce": nonce})
    except (TypeError, ValueError) as exc:
        failure = protocol.Failure(protocol.ErrorKind.CONTRACT,
                                   message=f"the result could not be sent back as plain data: {exc}")
        frame = protocol.encode({**failure.to_wire(), "nonce": nonce})
    sock.settimeout(protocol.SEND_TIMEOUT)
    sock.sendall(frame)


def _prepare_process(seed: int) -> None:
    """Make numbers reproducible and hardware-independent before the first TF op."""
    import numpy as np
    import tensorflow as tf

    random.seed(seed)
    np.random.seed(seed)
    tf.random.set_seed(seed)
    tf.config.experimental.enable_tensor_float_32_execution(False)
    warnings.simplefilter("default")


def _load_session(session: protocol.TaskSession) -> tuple[Any, StudentCode]:
    probes = load_module(f"_grader_probe_{session.task}", session.probe_path)
    for path in session.sys_path:
        if path not in sys.path:
            sys.path.append(path)  # appended: a submitted numpy.py never shadows the real one
    module = load_module(session.module_name, session.module_path)
    return probes, StudentCode(module, session.filename, list(session.names))


def _call_probe(probes: Any, student: StudentCode, request: dict, session: protocol.TaskSession) -> dict:
    function = getattr(probes, request["function"], None)
    if function is None or request["function"].startswith("_"):  # the checks' mistake, not the student's
        return protocol.Failure(protocol.ErrorKind.INTERNAL, during=request["function"],
                                message=f"probe {request['function']!r} does not exist").to_wire()
    try:
        value = function(student, **request.get("kwargs", {}))
    except BaseException as exc:  # noqa: BLE001 - student code may raise anything
        return describe_failure(exc, session, during=request["function"])
    return {"status": "ok", "value": value}


def describe_failure(exc: BaseException, session: protocol.TaskSession, during: str) -> dict[str, Any]:
    """Turn an exception into plain data that tells the student what happened and where."""
    student_paths = {session.module_path, *session.student_files}
    frames = traceback.extract_tb(exc.__traceback__)
    student_frames = [f for f in frames if f.filename in student_paths]
    where = None
    if student_frames:
        last = student_frames[-1]
        where = f"{os.path.basename(last.filename)}, line {last.lineno}"
    text = exception_text(exc, MAX_MESSAGE_CHARS)
    return protocol.Failure(
        _classify(exc), during=during, exception=type(exc).__name__, message=text[:MAX_MESSAGE_CHARS],
        where=where, student_traceback="".join(traceback.format_list(student_frames))[-MAX_MESSAGE_CHARS:],
        traceback="".join(traceback.format_exception(exc))[-MAX_MESSAGE_CHARS * 2 :]).to_wire()


def _classify(exc: BaseException) -> protocol.ErrorKind:
    if isinstance(exc, MissingName):
        return protocol.ErrorKind.MISSING_NAME
    if isinstance(exc, ContractError):
        return protocol.ErrorKind.CONTRACT
    if isinstance(exc, NotImplementedError):
        return protocol.ErrorKind.NOT_IMPLEMENTED
    if isinstance(exc, SystemExit):
        return protocol.ErrorKind.EXIT
    return protocol.ErrorKind.EXCEPTION
