"""The worker's main process: imports TensorFlow once, then forks a child per task.

It runs no TensorFlow op and no student code itself, so every fork starts from the same
clean state (FINDINGS: after ``import tensorflow`` there are no thread pools yet). It
enforces the time limit of each call on its child; the trusted side keeps an outer limit
in case this process is attacked by a child.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
import traceback
from typing import Any

from grader.worker import jail, protocol


class Zygote:
    """Keeps at most one live child, for the session (submission and task) asked last."""

    def __init__(self, channel: socket.socket, policy: dict):
        self.channel = channel
        self.policy = policy
        self.child: _Child | None = None
        self.failed_loads: dict[str, dict] = {}

    def call(self, request: dict[str, Any]) -> dict[str, Any]:
        session = request["session"]
        key = session["key"]
        if key in self.failed_loads:
            return self.failed_loads[key]
        if self.child is None or self.child.key != key:
            self.close_child()
            self.child, loaded = _Child.start(session, self.channel, self.policy)
            if loaded.get("status") != "ok":
                self.failed_loads[key] = loaded
                self.close_child()
                return loaded
        reply = self.child.ask(request, request.get("timeout", 60))
        if reply.get("kind") in ("timeout", "crashed"):
            self.close_child()
        return reply

    def close_child(self) -> None:
        if self.child is not None:
            self.child.kill()
            self.child = None


class _Child:
    def __init__(self, key: str, pid: int, sock: socket.socket):
        self.key, self.pid, self.sock = key, pid, sock
        self.inp, self.out = sock.makefile("rb"), sock.makefile("wb")

    @classmethod
    def start(cls, session: dict, channel: socket.socket, policy: dict) -> tuple["_Child", dict]:
        if not FORK_IS_SAFE:
            return cls._spawn(session, policy)
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # the child: never returns to the zygote's loop
            code = 0
            try:
                os.setpgid(0, 0)
                channel.close()
                ours.close()
                shut_in_and_serve(theirs, session, policy)
            except BaseException:  # noqa: BLE001 - nothing may escape into the zygote's code
                code = 70
                traceback.print_exc()  # into the worker's output, for staff
            finally:
                os._exit(code)
        theirs.close()
        started = cls(session["key"], pid, ours)
        loaded = started.read(session.get("load_timeout", 60), during="import")
        return started, loaded

    @classmethod
    def _spawn(cls, session: dict, policy: dict) -> tuple["_Child", dict]:
        """The cold path: a fresh interpreter per session, which imports TensorFlow itself."""
        ours, theirs = socket.socketpair()
        boot = os.path.join(_runtime_dir(), "boot.py")
        process = subprocess.Popen([sys.executable, "-I", "-B", boot, "--child", "--fd", str(theirs.fileno()),
                                    "--policy", json.dumps(policy)], pass_fds=(theirs.fileno(),),
                                   start_new_session=True, stdin=subprocess.DEVNULL)
        theirs.close()
        started = cls(session["key"], process.pid, ours)
        protocol.write_frame(started.out, session)
        return started, started.read(session.get("load_timeout", 60) + 30, during="import")

    def ask(self, request: dict, timeout: float) -> dict:
        try:
            protocol.write_frame(self.out, {"function": request["function"],
                                            "kwargs": request.get("kwargs", {})})
        except OSError:
            return self._crashed(request["function"])
        return self.read(timeout, during=request["function"])

    def read(self, timeout: float, during: str) -> dict:
        self.sock.settimeout(timeout)
        try:
            return protocol.read_frame(self.inp)
        except (TimeoutError, socket.timeout):
            return {"status": "error", "kind": "timeout", "during": during,
                    "message": f"did not finish within {timeout:g} s"}
        except EOFError:
            return self._crashed(during)
        except protocol.ProtocolError as exc:
            return {"status": "error", "kind": "crashed", "during": during,
                    "message": f"sent back something unreadable ({exc})"}

    def _crashed(self, during: str) -> dict:
        status = self.kill(grace=1.0)
        return {"status": "error", "kind": "crashed", "during": during,
                "message": f"the process running your code ended abruptly ({status})"}

    def kill(self, grace: float = 0.0) -> str:
        """Stop the child: let it end on its own for ``grace`` s, then SIGKILL its group.

        The socket is closed first, so a child that cannot be signalled (another uid and
        no CAP_KILL) still leaves its serving loop; the zygote never waits forever.
        """
        status = self._reap(grace)
        self.sock.close()
        if status is None:
            for target in (lambda: os.killpg(self.pid, signal.SIGKILL),
                           lambda: os.kill(self.pid, signal.SIGKILL)):
                try:
                    target()
                except (ProcessLookupError, PermissionError):
                    pass
            status = self._reap(10.0)
        return describe_exit(status) if status is not None else "it could not be stopped"

    def _reap(self, seconds: float) -> int | None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                done, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                return 0
            if done:
                return status
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.01)


def session_policy(policy: dict, session: dict) -> dict:
    """The worker's policy with this session's limits (memory, CPU time)."""
    cpu = 4 * (session.get("load_timeout", 60) + 20 * session.get("call_timeout", 60))
    return {**policy, "memory_mb": session.get("memory_mb", 4096), "cpu_seconds": int(cpu)}


FORK_IS_SAFE = sys.platform.startswith("linux") and os.environ.get("GRADER_NO_FORK") != "1"


def _runtime_dir() -> str:
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def session_keep(session: dict) -> list[str]:
    """What the child may see of the staging tree: the runtime and its own submission."""
    folder = os.path.dirname(session["module_path"]) if session.get("module_path") else None
    return [_runtime_dir()] + ([folder] if folder else [])


def shut_in_and_serve(sock: socket.socket, session: dict, policy: dict) -> None:
    """A child's life, forked or spawned: die with the zygote, jail, and only then student code."""
    jail.die_with_parent()
    jail.enter(session_policy(policy, session), session_keep(session))
    from grader.worker import child

    child.serve(sock, session)


def child_main(fd: int, policy: dict) -> int:
    """A session in a fresh process (where fork is unsafe): read it, then as a forked child."""
    channel = socket.socket(fileno=fd)
    shut_in_and_serve(channel, protocol.read_frame(channel.makefile("rb")), policy)
    return 0


def describe_exit(status: int) -> str:
    """Say in words how a process ended, e.g. 'exit code 0' or 'killed by SIGSEGV'."""
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        name = signal.Signals(signum).name if signum in signal.Signals._value2member_map_ else signum
        return f"killed by {name}"
    return f"exit code {os.WEXITSTATUS(status)}"


def main(fd: int, policy: dict) -> int:
    channel = socket.socket(fileno=fd)
    inp, out = channel.makefile("rb"), channel.makefile("wb")
    started = time.perf_counter()
    joined = jail.join_cgroups(policy.get("cgroup_procs", []))
    notices, child_uid = _try_jail(policy)
    notices = joined + notices
    if not FORK_IS_SAFE:
        notices.append("this platform cannot fork TensorFlow safely: every task starts a fresh "
                       "process that imports TensorFlow itself (slower)")
    versions = _import_frameworks() if FORK_IS_SAFE else _installed_versions()  # no child to share with
    protocol.write_frame(out, {"status": "ok", "op": "ready", "versions": versions,
                               "import_seconds": time.perf_counter() - started,
                               "uid": child_uid, "notices": notices,
                               "layers": jail.describe_layers(policy, notices)})
    zygote = Zygote(channel, policy)
    while True:
        try:
            request = protocol.read_frame(inp)
        except (EOFError, protocol.ProtocolError):
            break
        if request.get("op") == "shutdown":
            break
        if request.get("op") == "stats":
            protocol.write_frame(out, {"status": "ok", "value": memory_stats()})
            continue
        protocol.write_frame(out, zygote.call(request))
    zygote.close_child()
    return 0


def memory_stats() -> dict[str, float]:
    """The zygote's resident memory now and at its peak, and the largest child's peak (MB)."""
    status = {}
    with open("/proc/self/status") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                status[key] = int(value.split()[0]) / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"zygote_rss_mb": round(status.get("VmRSS", 0)), "zygote_peak_mb": round(status.get("VmHWM", 0)),
            "largest_child_peak_mb": round(children)}


def _try_jail(policy: dict) -> tuple[list[str], int]:
    """Jail a throw-away child once, to learn which layers this machine allows."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            notices = jail.enter(policy, [])
            os.write(write_end, json.dumps({"notices": notices, "uid": os.getuid()}).encode())
        except BaseException as exc:  # noqa: BLE001 - reported: the worker must not run code
            os.write(write_end, json.dumps({"fatal": f"{type(exc).__name__}: {exc}"}).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        data = reader.read()
    os.waitpid(pid, 0)
    try:
        report = json.loads(data.decode())
    except ValueError:
        report = {"fatal": "the isolation check ended without a report"}
    if "fatal" in report:
        raise SystemExit(f"cannot isolate student code as asked: {report['fatal']}")
    return report["notices"], report["uid"]


def _installed_versions() -> dict[str, str]:
    """The frameworks' versions without importing them (each fresh child imports its own)."""
    from importlib import metadata

    def version(*names: str) -> str:
        for name in names:
            try:
                return metadata.version(name)
            except metadata.PackageNotFoundError:
                continue
        return "not installed"

    return {"python": sys.version.split()[0], "numpy": version("numpy"),
            "tensorflow": version("tensorflow", "tensorflow-cpu"), "keras": version("keras")}


def _import_frameworks() -> dict[str, str]:
    """Import what every child needs and enumerate devices, without running a TensorFlow op.

    Listing devices is fork-safe (no thread pool starts: measured, still 2 threads) and
    saves each child ~30 ms; creating the eager context is not (forked children hang).
    """
    import numpy
    import tensorflow as tf
    import keras

    tf.config.list_physical_devices("CPU")
    return {"python": sys.version.split()[0], "numpy": numpy.__version__,
            "tensorflow": tf.__version__, "keras": keras.__version__}
