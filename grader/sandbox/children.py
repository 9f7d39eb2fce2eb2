"""The trusted side's end of one child's socket: a session's calls, straight to the child.

The zygote forks the child onto a socket the trusted side made and never sees what
crosses it. Every request carries a fresh nonce; a reply that does not echo it, or a
frame nobody asked for, means the child is lying or broken: it is stopped and its own
task (the call in flight) errors. Reading has a deadline for the whole frame and caps
on size, so a child can neither stall nor flood the trusted process.
"""

from __future__ import annotations

import socket
from typing import Any

from grader.text import clean_data
from grader.worker import protocol
from grader.worker.protocol import ErrorKind

MAX_REPLY_BYTES = 32 * 1024 * 1024


class ChildHandle:
    """One forked child (pid) and the trusted side's end of its own socket."""

    def __init__(self, key: str, pid: int, sock: socket.socket):
        self.key, self.pid, self.sock = key, pid, sock

    def load(self, session: protocol.TaskSession, timeout: float) -> dict[str, Any]:
        """Send the session (the child loads the student's module); its answer."""
        return self._exchange(session.to_wire(), timeout, during="import")

    def ask(self, function: str, kwargs: dict[str, Any], timeout: float) -> dict[str, Any]:
        """Run a probe function in the child; its reply, or what went wrong."""
        return self._exchange({"function": function, "kwargs": kwargs}, timeout, during=function)

    def _exchange(self, message: dict[str, Any], timeout: float, during: str) -> dict[str, Any]:
        if self._has_unsolicited_data():
            return interfered(during, "wrote data on the grader's channel that nobody asked for")
        nonce = protocol.new_nonce()
        try:
            protocol.send_frame(self.sock, {**message, "nonce": nonce})
            reply = protocol.receive_frame(self.sock, timeout, MAX_REPLY_BYTES)
        except TimeoutError:
            return protocol.Failure(ErrorKind.TIMEOUT, during=during,
                                    message=f"did not finish within {timeout:g} s").to_wire()
        except (EOFError, OSError):
            return lost(during, "ended abruptly")
        except protocol.ProtocolError as exc:
            return interfered(during, f"sent back something unreadable ({exc})")
        if not isinstance(reply, dict) or reply.get("nonce") != nonce or "status" not in reply:
            return interfered(during, "sent back a reply that does not answer the grader's request")
        reply.pop("nonce")
        return clean_data(reply)

    def _has_unsolicited_data(self) -> bool:
        """Bytes waiting before we asked anything: frames the student's code wrote itself."""
        self.sock.setblocking(False)  # with a timeout set, recv would wait for data first
        try:
            return bool(self.sock.recv(1, socket.MSG_PEEK))
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:
            return False  # a closed socket shows on the next read

    def close(self) -> None:
        self.sock.close()


def lost(during: str, what: str) -> dict[str, Any]:
    """The reply for a child that is gone (the caller stops it and says how it ended)."""
    return _failure(ErrorKind.CRASHED, during, what)


def interfered(during: str, what: str) -> dict[str, Any]:
    """The reply for a child that cannot be trusted any more (the caller stops it)."""
    return _failure(ErrorKind.INTERFERED, during, what)


def _failure(kind: ErrorKind, during: str, what: str) -> dict[str, Any]:
    return protocol.Failure(kind, during=during, message=f"the process running your code {what}").to_wire()
