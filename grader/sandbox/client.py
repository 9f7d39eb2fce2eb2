"""The trusted side's handle on one sandboxed worker process.

It starts the worker early (TensorFlow's import overlaps with pytest's collection),
forwards probe calls, and keeps an outer time limit: if the worker itself stops
answering, its whole process group is killed and a fresh worker starts on the next call.
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
from grader.sandbox.launcher import SandboxPlan, plan_sandbox, worker_environment
from grader.sandbox.stage import Stage
from grader.worker import protocol

READY_TIMEOUT = 180.0
OUTER_MARGIN = 15.0


class WorkerError(Exception):
    """The worker could not be started at all (the grader's problem, not the student's)."""


class WorkerClient:
    """Talks to one worker; restarts it after a crash or a hang."""

    def __init__(self, stage: Stage, plan: SandboxPlan | None = None, threads: int = 2):
        self.stage = stage
        self.plan = plan or plan_sandbox()
        self.threads = threads
        self.process: subprocess.Popen | None = None
        self.channel: socket.socket | None = None
        self.ready: dict[str, Any] | None = None
        self.restarts = 0
        self.output: CappedOutput | None = None
        self.cgroup: WorkerCgroup | None = None
        self.cgroup_notice: str | None = None

    def start(self) -> None:
        """Launch the worker without waiting for it (it spends ~3 s importing TensorFlow)."""
        ours, theirs = socket.socketpair()
        self.cgroup, notice = create_worker_cgroup(
            f"grader-{os.getpid()}-{id(self) % 100000}-{self.restarts}",
            self.plan.policy.get("worker_memory_mb", 8192), self.plan.policy.get("worker_processes", 512)
        ) if self.plan.policy.get("namespaces") else (None, None)
        self.cgroup_notice = notice
        argv = self.plan.command(sys.executable, str(self.stage.boot_script), theirs.fileno(),
                                 cgroup_procs=self.cgroup.procs_files if self.cgroup else [])
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
        self._inp, self._out = ours.makefile("rb"), ours.makefile("wb")
        self.ready = None

    def wait_ready(self) -> dict[str, Any]:
        if self.process is None:
            self.start()
        if self.ready is None:
            reply = self._read(READY_TIMEOUT)
            if reply.get("op") != "ready":
                log = self.log_tail()
                self.stop()
                raise WorkerError(f"the grading worker did not start: {reply.get('message')}\n{log}")
            self.ready = reply
        return self.ready

    def call(self, session: dict[str, Any], function: str, kwargs: dict[str, Any],
             timeout: float) -> dict[str, Any]:
        """Run ``function`` of the session's probe module; always returns a reply dict."""
        self.wait_ready()
        request = {"op": "call", "session": session, "function": function,
                   "kwargs": kwargs, "timeout": timeout}
        try:
            protocol.write_frame(self._out, request)
        except OSError:
            return self._lost("the worker was gone before the call")
        outer = timeout + session.get("load_timeout", 60) + OUTER_MARGIN
        reply = self._read(outer)
        if reply.get("kind") == "worker_lost":
            self._restart()
        return reply

    def stats(self) -> dict[str, Any]:
        """The worker's memory figures (for staff and benchmarks); {} if it cannot say."""
        if self.process is None or self.ready is None:
            return {}
        try:
            protocol.write_frame(self._out, {"op": "stats"})
        except OSError:
            return {}
        reply = self._read(10.0)
        return reply.get("value", {}) if reply.get("status") == "ok" else {}

    def _read(self, timeout: float) -> dict[str, Any]:
        assert self.channel is not None
        self.channel.settimeout(timeout)
        try:
            reply = protocol.read_frame(self._inp)
        except (TimeoutError, socket.timeout):
            return self._lost(f"the worker did not answer within {timeout:g} s")
        except (EOFError, OSError):
            return self._lost("the worker process ended abruptly")
        except protocol.ProtocolError as exc:
            return self._lost(f"the worker sent an unreadable answer ({exc})")
        if not isinstance(reply, dict) or "status" not in reply:
            return self._lost("the worker sent an answer of the wrong form")
        return reply

    def _lost(self, message: str) -> dict[str, Any]:
        return {"status": "error", "kind": "worker_lost", "message": message}

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
        try:
            if self.process.poll() is None and self.ready is not None:
                protocol.write_frame(self._out, {"op": "shutdown"})
                self.process.wait(timeout=2)
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
