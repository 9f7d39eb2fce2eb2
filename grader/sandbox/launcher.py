"""Decides how the worker is isolated on this machine and builds its command line.

Layers are checked at run time; one the OS refuses is skipped with a one-line notice
instead of failing the grading run:

- namespaces (``unshare``): no network, a private mount table (to hide grader files);
  as root directly, otherwise inside a user namespace where the kernel allows it;
- an unprivileged uid (as root only), dropped by the worker's ``jail`` before it reads
  any student file.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

WORKER_UID = int(os.environ.get("GRADER_WORKER_UID", "64000"))
WORKER_GID = int(os.environ.get("GRADER_WORKER_GID", "64000"))

_ROOT_NAMESPACES = ("unshare", "--net", "--mount", "--")
_USER_NAMESPACES = ("unshare", "--user", "--map-root-user", "--net", "--mount", "--")


@dataclass(frozen=True)
class SandboxPlan:
    """How the worker will run: a command prefix, jail options and what was skipped."""

    prefix: tuple[str, ...] = ()
    uid: int | None = None
    gid: int | None = None
    hide: tuple[str, ...] = ()
    layers: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()

    def command(self, python: str, boot_script: str, fd: int) -> list[str]:
        """The full argv that starts the worker under this plan."""
        argv = [*self.prefix, python, "-I", "-B", boot_script, "--fd", str(fd)]
        for path in self.hide:
            argv += ["--hide", path]
        if self.uid is not None:
            argv += ["--uid", str(self.uid), "--gid", str(self.gid)]
        return argv


def plan_sandbox(isolate: bool = True, hide: tuple[str, ...] = ()) -> SandboxPlan:
    """Pick the strongest isolation this machine allows (none when ``isolate`` is False)."""
    if not isolate:
        return SandboxPlan(notices=("sandbox disabled: student code runs as the current user",))
    root = os.geteuid() == 0
    prefix = _ROOT_NAMESPACES if root else _USER_NAMESPACES
    layers: list[str] = []
    notices: list[str] = []
    if _works(prefix):
        layers += ["no network (network namespace)", "grader files hidden (mount namespace)"]
    else:
        prefix, hide = (), ()
        notices.append("namespaces unavailable here: the worker keeps network access "
                       "and can read files of the current user")
    uid = gid = None
    if root:
        uid, gid = WORKER_UID, WORKER_GID
        layers.append(f"unprivileged uid {WORKER_UID}")
    return SandboxPlan(tuple(prefix), uid, gid, tuple(hide), tuple(layers), tuple(notices))


@functools.cache
def _works(prefix: tuple[str, ...]) -> bool:
    if not shutil.which(prefix[0]):
        return False
    try:
        probe = subprocess.run([*prefix, sys.executable, "-I", "-c", "pass"],
                               stdin=subprocess.DEVNULL, capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def worker_environment(home: str, threads: int) -> dict[str, str]:
    """A clean environment built from scratch: no secrets, no PYTHONPATH, pinned threads."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": home,
        "TMPDIR": os.path.join(home, "tmp"),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "CUDA_VISIBLE_DEVICES": "",
        "TF_NUM_INTRAOP_THREADS": str(threads),
        "TF_NUM_INTEROP_THREADS": str(threads),
        "OMP_NUM_THREADS": str(threads),
        "MPLBACKEND": "Agg",
        "KERAS_HOME": os.path.join(home, ".keras"),
    }
