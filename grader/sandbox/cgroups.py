"""A control group per worker, where the machine lets us make one: memory and process caps
for the whole tree (zygote and every child), which rlimits alone cannot give.

Supports cgroup v1 (separate ``memory`` and ``pids`` hierarchies) and v2 (unified). The
group is made under the grader's own group; when that is not writable (no root, a
locked-down container) the caller gets a notice instead.
"""

from __future__ import annotations

from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")


class WorkerCgroup:
    """The directories of one worker's group(s), their ``cgroup.procs`` files, and cleanup."""

    def __init__(self, directories: list[Path]):
        self.directories = directories

    @property
    def procs_files(self) -> list[str]:
        return [str(directory / "cgroup.procs") for directory in self.directories]

    def remove(self) -> None:
        for directory in self.directories:
            try:
                directory.rmdir()
            except OSError:
                pass  # still has processes for a moment; the kernel reaps empty groups lazily


def create_worker_cgroup(name: str, memory_mb: int, max_processes: int) -> tuple[WorkerCgroup | None, str | None]:
    """Make the group, or return (None, notice) saying why it could not be made."""
    try:
        if (CGROUP_ROOT / "cgroup.controllers").exists():
            return WorkerCgroup(_create_v2(name, memory_mb, max_processes)), None
        return WorkerCgroup(_create_v1(name, memory_mb, max_processes)), None
    except OSError as exc:
        return None, f"no cgroup for the worker ({exc.strerror or exc}): memory and process caps are per child only"


def _own_group(controller: str) -> str:
    """The path of this process's group in a hierarchy ('' for v2's unified one)."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        number, controllers, path = line.split(":", 2)
        if controller in controllers.split(",") or (controller == "" and number == "0"):
            return path.lstrip("/")
    raise OSError(f"no {controller or 'unified'} cgroup hierarchy")


def _create_v1(name: str, memory_mb: int, max_processes: int) -> list[Path]:
    memory = CGROUP_ROOT / "memory" / _own_group("memory") / name
    pids = CGROUP_ROOT / "pids" / _own_group("pids") / name
    created = []
    try:
        for directory, settings in ((memory, {"memory.limit_in_bytes": memory_mb * 1024 * 1024}),
                                    (pids, {"pids.max": max_processes})):
            directory.mkdir()
            created.append(directory)
            for file, value in settings.items():
                (directory / file).write_text(str(value))
    except OSError:
        WorkerCgroup(created).remove()
        raise
    return created


def _create_v2(name: str, memory_mb: int, max_processes: int) -> list[Path]:
    parent = CGROUP_ROOT / _own_group("")
    enabled = (parent / "cgroup.subtree_control").read_text().split()
    missing = [c for c in ("memory", "pids") if c not in enabled]
    if missing:
        (parent / "cgroup.subtree_control").write_text(" ".join(f"+{c}" for c in missing))
    directory = parent / name
    directory.mkdir()
    try:
        (directory / "memory.max").write_text(str(memory_mb * 1024 * 1024))
        (directory / "memory.swap.max").write_text("0") if (directory / "memory.swap.max").exists() else None
        (directory / "pids.max").write_text(str(max_processes))
    except OSError:
        WorkerCgroup([directory]).remove()
        raise
    return [directory]
