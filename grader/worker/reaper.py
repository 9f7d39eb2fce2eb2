"""Ending a worker's children: waiting for them, killing what they leave, saying how they ended.

The zygote is a subreaper, so when a child (the keeper of a PID namespace) dies, the
namespace's init is reparented to it; killing and reaping those too means a child is
gone, with every process it started, before the next one is forked.
"""

from __future__ import annotations

import os
import signal
import time


def reap(pid: int, seconds: float) -> int | None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return 0
        if done:
            return status
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.01)


def reap_orphans(seconds: float) -> None:
    """Kill and reap what a child left behind (its namespace's init, reparented here): when
    the last is gone, so is every process of that namespace, and its uid's process count."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for pid in own_children():
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if not pid:
            time.sleep(0.01)


def own_children() -> list[int]:
    """This process's children as the kernel lists them ([] where it cannot say)."""
    try:
        with open(f"/proc/self/task/{os.getpid()}/children") as listing:
            return [int(pid) for pid in listing.read().split()]
    except (OSError, ValueError):
        return []


def describe_exit(status: int) -> str:
    """Say in words how a process ended, e.g. 'exit code 0' or 'killed by SIGSEGV'."""
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        name = signal.Signals(signum).name if signum in signal.Signals._value2member_map_ else signum
        return f"killed by {name}"
    return f"exit code {os.WEXITSTATUS(status)}"
