"""The trusted side's handle on one sandboxed worker process and its current child.

It starts the worker early (TensorFlow's import overlaps with pytest's collection). For
each session (a submission's task) it makes a socket pair, hands one end to the zygote,
which forks a child onto it, and then talks to that child directly: the zygote never
relays a reply, so it never holds a submission's data. Time limits are enforced here,
per whole frame; a child that overruns, crashes or interferes is stopped by the zygote
and costs its own task only. If the zygote itself stops answering, its process group is
killed and a fresh worker starts on the next call.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from typing import Any

from grader.sandbox.cgroups import WorkerCgroup, create_worker_cgroup
from grader.sandbox.children import ChildHandle, lost
from grader.sandbox.launcher import SandboxPlan, plan_sandbox, worker_environment
from grader.sandbox.stage import Stage
from grader.worker import protocol
from grader.worker.protocol import ErrorKind, Failure, TaskSession

READY_TIMEOUT = 180.0
CONTROL_TIMEOUT = 60.0   # fork and stop (a stop may wait for a dying namespace)
SPAWN_MARGIN = 30.0      # a spawned child (no fork) imports TensorFlow before it loads anything
# After these the child cannot be trusted with another call: it is stopped.
ENDS_CHILD = frozenset({ErrorKind.TIMEOUT, ErrorKind.CRASHED, ErrorKind.INTERFERED})


class WorkerError(Exception):
    """The worker could not be started at all (the grader's problem, not the student's)."""


class WorkerClient:
    """Talks to one worker and the child of the session asked last; restarts after a loss."""

    def __init__(self, stage: Stage, plan: SandboxPlan | None = None, threads: int = 2):
        self.stage = stage
        self.plan = plan or plan_sandbox()
        self.threads = threads
        self.process: subprocess.Popen | None = None
        self.channel: socket.socket | None = None
        self.ready: dict[str, Any] | None = None
        self.child: ChildHandle | None = None
        self.restarts = 0
        self.output: CappedOutput | None = None
        self.cgroup: WorkerCgroup | None = None
        self.cgroup_notice: str | None = None

    def start(self) -> None:
        """Launch the worker without waiting for it (it spends ~3 s importing TensorFlow)."""
        ours, theirs = socket.socketpair()
        self.cgroup, notice = create_worker_cgroup(
            f"grader-{os.getpid()}-{id(self) % 100000}-{self.restarts}",
            self.plan.policy["worker_memory_mb"], self.plan.policy["worker_processes"]  # the launcher's
        ) if self.plan.policy.get("namespaces") else (None, None)
        self.cgroup_notice = notice
        argv = self.plan.command(sys.executable, str(self.stage.boot_script), theirs.fileno(),
                                 home=str(self.stage.home), cgroup_procs=self.cgroup.procs_files if self.cgroup else [])
        try:
            self.process = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                pass_fds=(theirs.fileno(),), close_fds=True, start_new_session=True,
                env=worker_environment(str(self.stage.home), self.threads),
                cwd=str(self.stage.home))
        except OSError as exc:
            raise WorkerError(f"cannot start the grading worker: {exc}") from exc
        finally:
            theirs.close()
        self.output = CappedOutput(self.process.stdout)
        self.channel = ours
        self.ready = None

    def wait_ready(self) -> dict[str, Any]:
        if self.process is None:
            self.start()
        if self.ready is None:
            reply = self._read_control(READY_TIMEOUT)
            if reply.get("op") != "ready":
                log = self.log_tail()
                self.stop()
                raise WorkerError(f"the grading worker did not start: {reply.get('message')}\n{log}")
            self.ready = reply
        return self.ready

    def call(self, session: TaskSession, function: str, kwargs: dict[str, Any],
             timeout: float) -> dict[str, Any]:
        """Run ``function`` of the session's probe module; always returns a reply dict."""
        self.wait_ready()
        if self.child is None or self.child.key != session.key:
            failed = self._start_child(session)
            if failed is not None:
                return failed
        assert self.child is not None
        reply = self.child.ask(function, kwargs, timeout)
        if ErrorKind.of(reply.get("kind")) in ENDS_CHILD:
            self._end_child(reply)
        return reply

    def _start_child(self, session: TaskSession) -> dict[str, Any] | None:
        """Fork a child for ``session`` and load its code; the failure reply, or None."""
        self._end_child()
        ours, theirs = socket.socketpair()
        try:
            reply = self._control({"op": "fork", "jail": self._jail(session)}, fds=(theirs.fileno(),))
        finally:
            theirs.close()
        if reply.get("status") != "ok":
            ours.close()
            return reply if reply.get("kind") == ErrorKind.WORKER_LOST else lost("import", f"could not start ({reply})")
        self.child = ChildHandle(session.key, int(reply["pid"]), ours)
        margin = 0.0 if self.ready and self.ready.get("forks", True) else SPAWN_MARGIN
        loaded = self.child.load(session, session.load_timeout + margin)
        if loaded.get("status") == "ok":
            return None
        self._end_child(loaded)
        return loaded

    def _jail(self, session: TaskSession) -> dict[str, Any]:
        """What the zygote applies to the child: the folders it sees, its memory and CPU time."""
        cpu = 4 * (session.load_timeout + 20 * session.call_timeout)
        return {"keep": [str(self.stage.runtime), os.path.dirname(session.module_path)],
                "memory_mb": session.memory_mb, "cpu_seconds": int(cpu)}

    def _end_child(self, reply: dict[str, Any] | None = None) -> None:
        """Stop the current child; a crash's reply learns how the process ended."""
        if self.child is None:
            return
        child, self.child = self.child, None
        child.close()  # a child still serving sees EOF and leaves on its own
        crashed = reply is not None and reply.get("kind") == ErrorKind.CRASHED
        stopped = self._control({"op": "stop", "pid": child.pid, "grace": 1.0 if crashed else 0.0})
        if crashed and stopped.get("exit"):
            reply["message"] = f"{reply.get('message', '')} ({stopped['exit']})"  # whatever a child sent

    def stats(self) -> dict[str, Any]:
        """The worker's memory figures (for staff and benchmarks); {} if it cannot say."""
        if self.process is None or self.ready is None:
            return {}
        reply = self._control({"op": "stats"}, timeout=10.0)
        return reply.get("value", {}) if reply.get("status") == "ok" else {}

    def _control(self, message: dict[str, Any], fds: tuple[int, ...] = (),
                 timeout: float = CONTROL_TIMEOUT) -> dict[str, Any]:
        """One request to the zygote and its reply (which must echo the request's nonce)."""
        if self.channel is None:
            return self._lost("the worker was gone before the request")
        nonce = protocol.new_nonce()
        try:
            protocol.send_frame(self.channel, {**message, "nonce": nonce}, fds)
        except OSError:
            return self._lost("the worker was gone before the request")
        reply = self._read_control(timeout)
        if reply.get("kind") != ErrorKind.WORKER_LOST and reply.get("nonce") != nonce:
            reply = self._lost("the worker answered another request")
        return reply

    def _read_control(self, timeout: float) -> dict[str, Any]:
        assert self.channel is not None
        try:
            reply = protocol.receive_frame(self.channel, timeout)
        except TimeoutError:
            reply = self._lost(f"the worker did not answer within {timeout:g} s")
        except (EOFError, OSError):
            reply = self._lost("the worker process ended abruptly")
        except protocol.ProtocolError as exc:
            reply = self._lost(f"the worker sent an unreadable answer ({exc})")
        if not isinstance(reply, dict) or "status" not in reply:
            reply = self._lost("the worker sent an answer of the wrong form")
        if reply.get("kind") == ErrorKind.WORKER_LOST and self.ready is not None:
            self._restart()
        return reply

    def _lost(self, message: str) -> dict[str, Any]:
        return Failure(ErrorKind.WORKER_LOST, message=message).to_wire()

    def _restart(self) -> None:
        self.stop()
        self.restarts += 1
        self.start()

    def log_tail(self, limit: int = 4000) -> str:
        """The end of what the worker printed (for staff; never used for scoring)."""
        return self.output.text()[-limit:] if self.output else ""

    def stop(self) -> None:
        """Ask the worker to leave; kill its whole process group if it does not."""
        if self.process is None:
            return
        if self.child is not None:
            self.child.close()
            self.child = None
        try:
            if self.process.poll() is None and self.ready is not None and self.channel is not None:
                protocol.send_frame(self.channel, {"op": "shutdown"})
                self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()
        if self.channel is not None:
            self.channel.close()
        if self.cgroup is not None:
            self.cgroup.remove()
        self.process = self.channel = self.cgroup = None
        self.ready = None


class CappedOutput:
    """Drains a process's output in a thread, keeping the first ``limit`` bytes only.

    Whatever student code prints, however much, never fills memory or blocks the worker:
    past the cap the stream is read and dropped, and the drop is counted.
    """

    def __init__(self, stream, limit: int = 1024 * 1024):
        self.kept = bytearray()
        self.dropped = 0
        self.limit = limit
        self._thread = threading.Thread(target=self._drain, args=(stream,), daemon=True)
        self._thread.start()

    def _drain(self, stream) -> None:
        with stream:
            while chunk := stream.read1(65536):
                room = self.limit - len(self.kept)
                self.kept += chunk[:max(room, 0)]
                self.dropped += max(len(chunk) - max(room, 0), 0)

    def text(self) -> str:
        note = f"\n[... {self.dropped:,} more bytes of output dropped]" if self.dropped else ""
        return self.kept.decode("utf-8", "replace") + note
