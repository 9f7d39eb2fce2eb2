"""The zygote: the fork server that imported TensorFlow once, and the life of each child.

It runs no TensorFlow op and no student code, and it never sees a submission's data:
the trusted side hands it a socket (SCM_RIGHTS) and the limits of a jail, it forks a
child onto that socket and forgets the socket; the child and the trusted side then talk
directly. So every fork starts from the same clean heap (FINDINGS: after ``import
tensorflow`` there are no thread pools yet), and nothing one child sent can be found by
the next. It also answers for the child's end: it kills and reaps it, and, as the
subreaper, every process left of it (a PID namespace's init), so the next child starts
only once the last one is gone. Where fork is unsafe, each child is a fresh interpreter
(``child_main``) that imports TensorFlow itself. ``grader.worker.server`` runs the loop.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import resource
import signal
import socket
import subprocess
import sys
import traceback
from typing import Any

from grader.worker import jail, reaper

EXIT_JAIL_FAILED = 70
FORK_IS_SAFE = sys.platform.startswith("linux") and os.environ.get("GRADER_NO_FORK") != "1"


class Zygote:
    """Forks a child per request and answers for its end; holds no session data."""

    def __init__(self, channel: socket.socket, policy: dict):
        self.channel, self.policy = channel, policy
        self.children: set[int] = set()

    def handle(self, request: dict[str, Any], fds: list[int]) -> dict[str, Any]:
        operation = request.get("op")
        if operation != "fork":
            for fd in fds:
                os.close(fd)
        if operation == "fork":
            return self.fork(request.get("jail", {}), fds)
        if operation == "stop":
            if request.get("pid") not in self.children:  # only its own children, never any pid
                return {"status": "error", "message": f"no child {request.get('pid')!r} to stop"}
            return {"status": "ok", "exit": self.stop(int(request["pid"]), float(request.get("grace", 0)))}
        if operation == "stats":
            return {"status": "ok", "value": memory_stats()}
        return {"status": "error", "message": f"unknown operation {operation!r}"}

    def fork(self, spec: dict, fds: list[int]) -> dict[str, Any]:
        if len(fds) != 1:
            for fd in fds:
                os.close(fd)
            return {"status": "error", "message": f"a fork needs one socket, got {len(fds)}"}
        try:
            pid = _fork_child(self.channel, fds[0], spec, self.policy) if FORK_IS_SAFE else _spawn_child(
                fds[0], spec, self.policy)
        finally:
            os.close(fds[0])  # the child's own socket: from now on only the child holds it
        self.children.add(pid)
        return {"status": "ok", "pid": pid}

    def stop(self, pid: int, grace: float) -> str:
        """End child ``pid`` (after ``grace`` s on its own) and everything it left; how it ended."""
        status = reaper.reap(pid, grace)
        if status is None:
            for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
                try:
                    target()
                except (ProcessLookupError, PermissionError):
                    pass
            status = reaper.reap(pid, 10.0)
        self.children.discard(pid)
        if not self.children:
            reaper.reap_orphans(10.0)
        return reaper.describe_exit(status) if status is not None else "it could not be stopped"

    def stop_all(self) -> None:
        for pid in list(self.children):
            self.stop(pid, 0.0)


def _fork_child(channel: socket.socket, fd: int, spec: dict, policy: dict) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:  # the child: never returns to the zygote's loop
        os.setpgid(0, 0)
        channel.detach()  # its descriptor is closed below; this object must never close a reused number
        log = keep_only_descriptors(fd)
        shut_in_and_serve(fd, log, spec, policy)
    except BaseException:  # noqa: BLE001 - nothing may escape into the zygote's code
        code = EXIT_JAIL_FAILED
    finally:
        os._exit(code)


def _spawn_child(fd: int, spec: dict, policy: dict) -> int:
    """The cold path: a fresh interpreter per child, which imports TensorFlow itself."""
    boot = os.path.join(_runtime_dir(), "boot.py")
    process = subprocess.Popen([sys.executable, "-I", "-B", boot, "--child", "--fd", str(fd),
                                "--policy", json.dumps(policy), "--jail", json.dumps(spec)],
                               pass_fds=(fd,), start_new_session=True, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL)
    return process.pid


def keep_only_descriptors(fd: int) -> int:
    """Close every descriptor but ``fd``; 0, 1 and 2 become /dev/null.

    Returns a private copy of the worker's log (the old stderr), for errors of the jail
    itself; ``shut_in_and_serve`` closes it before any student code runs.
    """
    log = os.dup(2)
    null = os.open(os.devnull, os.O_RDWR)
    for target in (0, 1, 2):
        os.dup2(null, target)
    previous = -1
    for number in [*sorted({0, 1, 2, fd, log}), os.sysconf("SC_OPEN_MAX")]:
        if number > previous + 1:  # closerange(n, n) would close everything (an empty range)
            os.closerange(previous + 1, number)
        previous = number
    return log


def shut_in_and_serve(fd: int, log: int, spec: dict, policy: dict) -> None:
    """A child's life, forked or spawned: die with the zygote, jail, and only then student code."""
    try:
        jail.die_with_parent()
        jail.enter({**policy, **{key: spec[key] for key in ("memory_mb", "cpu_seconds") if key in spec}},
                   [_runtime_dir(), *spec.get("keep", [])])
    except BaseException:
        with os.fdopen(log, "w") as stream:
            traceback.print_exc(file=stream)  # into the worker's log, for staff
        raise
    os.close(log)
    from grader.worker import child

    child.serve(socket.socket(fileno=fd))


def child_main(fd: int, policy: dict, spec: dict) -> int:
    """A child in a fresh process (where fork is unsafe): as a forked child from here on."""
    shut_in_and_serve(fd, keep_only_descriptors(fd), spec, policy)
    return 0


def _runtime_dir() -> str:
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


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


def installed_versions() -> dict[str, str]:
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


def import_frameworks() -> dict[str, str]:
    """Import what every child needs and enumerate devices, without running a TensorFlow op.

    Listing devices is fork-safe (no thread pool starts: measured, still 2 threads) and
    saves each child ~30 ms; creating the eager context is not (forked children hang).
    """
    import numpy
    import tensorflow as tf
    import keras

    tf.config.list_physical_devices("CPU")
    _import_probe_library()
    return {"python": sys.version.split()[0], "numpy": numpy.__version__,
            "tensorflow": tf.__version__, "keras": keras.__version__}


def _import_probe_library() -> None:
    """The probe library, imported once here rather than in every child (~45 ms each).

    Its snapshot of the classes that existed before any submission (``probes.genuine``) and
    the TensorFlow functions it captures are taken before student code ever ran; importing
    it runs no TensorFlow op and starts no thread (measured: still 2 threads), so forking
    stays safe.
    """
    import grader.probes

    for module in pkgutil.iter_modules(grader.probes.__path__):
        importlib.import_module(f"grader.probes.{module.name}")
