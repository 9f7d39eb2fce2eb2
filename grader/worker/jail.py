"""The first thing the worker does, while it may still be root: shut itself in.

Runs inside fresh namespaces made by ``unshare`` (see ``grader.sandbox.launcher``). It
covers the grader's private directories with empty read-only mounts, then drops to an
unprivileged uid with no way back. Every step that the kernel refuses is reported, not
fatal: the trusted side prints what isolation was actually in force.
"""

from __future__ import annotations

import ctypes
import os

import sys

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 4096, 16384, 1 << 18
MNT_DETACH = 2
PR_SET_NO_NEW_PRIVS = 38


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None) -> None:
    encode = lambda text: None if text is None else text.encode()  # noqa: E731
    if _libc().mount(encode(source), encode(target), encode(fstype), flags, encode(data)) != 0:
        raise OSError(ctypes.get_errno(), f"mount {target}: {os.strerror(ctypes.get_errno())}")


def make_mounts_private() -> list[str]:
    """Keep this namespace's mounts from leaking back to the host."""
    try:
        _mount("none", "/", None, MS_REC | MS_PRIVATE, None)
    except OSError as exc:
        return [f"mount namespace unavailable ({exc}): grader files stay visible"]
    return []


def expose_interpreter(scratch: str) -> list[str]:
    """Let an unprivileged uid reach the interpreter when it lives in a closed folder.

    On a machine whose Python sits under ``/root`` (mode 0700), the worker's uid could not
    read the standard library. The closed folder is covered with an empty tmpfs and only
    the interpreter's own tree is bound back in: everything else there stays invisible.
    """
    needed = sorted({os.path.realpath(p) for p in (sys.base_prefix, sys.prefix)})
    blocked: dict[str, list[str]] = {}
    for path in needed:
        ancestor = _first_closed_ancestor(path)
        if ancestor:
            blocked.setdefault(ancestor, []).append(path)
    try:
        for number, (ancestor, paths) in enumerate(sorted(blocked.items())):
            _rebind_under_tmpfs(ancestor, paths, os.path.join(scratch, str(number)))
    except OSError as exc:
        return [f"could not open the interpreter to the worker uid ({exc})"]
    return []


def _first_closed_ancestor(path: str) -> str | None:
    current = "/"
    for part in path.strip("/").split("/"):
        current = os.path.join(current, part)
        if not os.stat(current).st_mode & 0o001:
            return current
    return None


def _rebind_under_tmpfs(ancestor: str, paths: list[str], scratch: str) -> None:
    holders = []
    for index, path in enumerate(paths):
        holder = os.path.join(scratch, str(index))
        os.makedirs(holder, exist_ok=True)  # a restarted worker reuses the folder
        _mount(path, holder, None, MS_BIND | MS_REC, None)
        holders.append(holder)
    _mount("tmpfs", ancestor, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=755")
    for holder, path in zip(holders, paths):
        os.makedirs(path, exist_ok=True)
        _mount(holder, path, None, MS_BIND | MS_REC, None)
        _libc().umount2(holder.encode(), MNT_DETACH)


def hide_paths(paths: list[str]) -> list[str]:
    """Mount an empty read-only tmpfs over each path; return notices for the ones that failed."""
    notices = []
    for path in paths:
        if not os.path.isdir(path):
            continue
        try:
            _mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k,mode=555")
        except OSError as exc:
            notices.append(f"could not hide {path} ({exc})")
    return notices


def drop_privileges(uid: int, gid: int) -> None:
    """Become ``uid``/``gid`` for good: no supplementary groups, no setuid regained."""
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)
    _libc().prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
