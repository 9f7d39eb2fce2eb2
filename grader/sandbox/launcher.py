"""The worker's isolation policy and command line.

The policy travels to the worker, which applies it to every child it forks
(``grader.worker.jail``): namespaces, a private read-only file-system view, limits and,
as root, an unprivileged uid. The worker reports which layers the kernel allowed; those
become notices in the run's staff view.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from grader.domain import TaskSpec

WORKER_UID = int(os.environ.get("GRADER_WORKER_UID", "64000"))
WORKER_GID = int(os.environ.get("GRADER_WORKER_GID", "64000"))


@dataclass(frozen=True)
class SandboxPlan:
    """What the worker is asked to do to each child, and how to start the worker."""

    policy: dict = field(default_factory=dict)
    notices: tuple[str, ...] = ()

    def command(self, python: str, boot_script: str, fd: int, **extra: object) -> list[str]:
        policy = {**self.policy, **extra}
        return [python, "-I", "-B", boot_script, "--fd", str(fd), "--policy", json.dumps(policy)]


def plan_sandbox(isolate: bool = True, hide: tuple[str, ...] = (), tmp_mb: int = 256) -> SandboxPlan:
    """The strongest isolation to ask for (nothing but limits when ``isolate`` is False).

    A child's address space is its task's ``memory_mb`` (the zygote's default below is the
    task's default); its HOME is added by the client that starts the worker in its stage.
    """
    if not isolate:
        return SandboxPlan({"namespaces": False, "memory_mb": TaskSpec.memory_mb},
                           ("sandbox disabled: student code runs as the current user",))
    policy = {"namespaces": True, "hide": list(hide), "tmp_mb": tmp_mb, "memory_mb": TaskSpec.memory_mb,
              "file_mb": 64, "open_files": 1024, "processes": 1024,
              "worker_memory_mb": 8192, "worker_processes": 512}
    if can_switch_uid():
        policy.update(uid=WORKER_UID, gid=WORKER_GID)
    return SandboxPlan(policy)


def can_switch_uid() -> bool:
    """Root, or a process given CAP_SETUID and CAP_SETGID (the grading user in our image)."""
    if os.geteuid() == 0:
        return True
    try:
        with open("/proc/self/status") as status:
            line = next(line for line in status if line.startswith("CapEff:"))
    except (OSError, StopIteration):
        return False
    effective = int(line.split()[1], 16)
    return all(effective >> bit & 1 for bit in (6, 7))  # CAP_SETGID, CAP_SETUID


def tensorflow_settings(threads: int) -> dict[str, str]:
    """How the worker runs TensorFlow (bench/floor.py uses the same, to compare like with like).

    oneDNN's custom ops are off: for the course's small models its per-process kernel
    compilation costs more than it saves (measured: ~0.1 s more per task in a fresh child).
    """
    return {"TF_CPP_MIN_LOG_LEVEL": "2", "CUDA_VISIBLE_DEVICES": "", "TF_ENABLE_ONEDNN_OPTS": "0",
            "TF_NUM_INTRAOP_THREADS": str(threads), "TF_NUM_INTEROP_THREADS": str(threads),
            "OMP_NUM_THREADS": str(threads)}


def worker_environment(home: str, threads: int) -> dict[str, str]:
    """A clean environment built from scratch: no secrets, no PYTHONPATH, pinned threads."""
    passed_on = {name: os.environ[name] for name in ("GRADER_NO_FORK",) if name in os.environ}
    return {
        **passed_on,  # the grader's own switches; nothing else of its environment
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": home,
        "TMPDIR": os.path.join(home, "tmp"),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONUNBUFFERED": "1",
        **tensorflow_settings(threads),
        "MPLBACKEND": "Agg",
        "KERAS_HOME": os.path.join(home, ".keras"),
    }
