"""Shutting a freshly forked child in before it touches any student file.

Called in each child the zygote forks (single-threaded, no TensorFlow op run yet):

1. new network, mount, PID, IPC and UTS namespaces (as root directly; otherwise inside a
   user namespace where the kernel allows it): System V IPC objects die with the child;
2. the child forks once more so that the jailed process is PID 1 of its namespace: when
   it ends, every process it started ends too; the parent ("keeper") only waits;
3. a private file-system view, built from an allow-list: the system folders (/usr, /etc,
   /lib...) read-only, every other top-level folder covered by an empty mount, a fresh
   /proc, a minimal /dev (null, zero, full, random, urandom), a size-capped tmpfs on /tmp
   (and /var/tmp, /dev/shm) holding the child's HOME, and only the interpreter's trees,
   the worker runtime and this submission bound back;
4. resource limits, then (as root) the unprivileged uid with no way back.

Every layer the kernel refuses is reported as a notice, never fatal.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys

CLONE_NEWNS, CLONE_NEWNET, CLONE_NEWPID, CLONE_NEWUSER = 0x20000, 0x40000000, 0x20000000, 0x10000000
CLONE_NEWIPC, CLONE_NEWUTS = 0x08000000, 0x04000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = (
    1, 2, 4, 8, 32, 4096, 16384, 1 << 18)
MOUNT_FLAG_NAMES = {"nosuid": MS_NOSUID, "nodev": MS_NODEV, "noexec": MS_NOEXEC,
                    "noatime": 1024, "nodiratime": 2048, "relatime": 1 << 21}
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_SET_CHILD_SUBREAPER = 1, 38, 36
PRIVATE_TMP = ("/tmp", "/var/tmp", "/dev/shm")
# The only devices a child sees (a minimal /dev, as bubblewrap's --dev): no terminal, no pts.
DEVICES = ("null", "zero", "full", "random", "urandom")
DEV_LINKS = {"fd": "/proc/self/fd", "stdin": "/proc/self/fd/0", "stdout": "/proc/self/fd/1",
             "stderr": "/proc/self/fd/2"}
# Top-level folders a child keeps (read-only); every other one (/home, /root, /work, /opt,
# /srv, /var, /mnt...) is covered, and only the interpreter's own trees are bound back.
SYSTEM_FOLDERS = frozenset({"bin", "sbin", "lib", "lib32", "lib64", "libx32", "usr", "etc",
                            "dev", "proc", "sys", "tmp"})


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    encode = lambda text: None if text is None else text.encode()  # noqa: E731
    _check(_libc().mount(encode(source), encode(target), encode(fstype), flags, encode(data)), f"mount {target}")


def join_cgroups(procs_files: list[str]) -> list[str]:
    """Move the calling process (the zygote, before any fork) into its worker's cgroups."""
    failed = []
    for path in procs_files:
        try:
            with open(path, "w") as handle:
                handle.write(str(os.getpid()))
        except OSError as exc:
            failed.append(f"could not join cgroup {path} ({exc.strerror})")
    return failed


def die_with_parent() -> None:
    if sys.platform.startswith("linux"):  # prctl is Linux's; elsewhere the zygote kills its children
        _libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def become_subreaper() -> None:
    """Orphans of this process's children are reparented here (the zygote reaps them all)."""
    if sys.platform.startswith("linux"):
        _libc().prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def enter(policy: dict, keep: list[str]) -> list[str]:
    """Jail the calling (just forked) process; return notices for layers that were refused."""
    notices: list[str] = []
    if policy.get("namespaces", True) and not sys.platform.startswith("linux"):
        notices.append(f"no namespaces on {sys.platform}: no private network or file-system view")
    elif policy.get("namespaces", True):
        try:
            _new_namespaces()
            _become_namespace_init()
            notices += _private_view(policy, keep)
        except OSError as exc:
            notices.append(f"namespaces unavailable ({exc.strerror or exc}): no private network or "
                           "file-system view")
    _limit_resources(policy)
    _make_home(policy)
    if policy.get("uid") is not None:  # asked for by the trusted side: failing here is fatal
        _drop_privileges(int(policy["uid"]), int(policy["gid"]))
        die_with_parent()  # a change of uid clears the parent-death signal: set it again
    _enter_home(policy)
    return notices


def _new_namespaces() -> None:
    uid, gid = os.getuid(), os.getgid()
    user = 0 if os.geteuid() == 0 else CLONE_NEWUSER
    _check(_libc().unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS | user),
           "unshare")
    if user:
        for name, text in (("setgroups", "deny"), ("uid_map", f"0 {uid} 1"), ("gid_map", f"0 {gid} 1")):
            with open(f"/proc/self/{name}", "w") as handle:
                handle.write(text)


def _become_namespace_init() -> None:
    """Fork into the new PID namespace; this process becomes a keeper that only waits."""
    pid = os.fork()
    if pid == 0:
        die_with_parent()
        return
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))  # the keeper holds nothing of the child's
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
        os.kill(os.getpid(), os.WTERMSIG(status))
    os._exit(os.waitstatus_to_exitcode(status) & 0xFF)


def _private_view(policy: dict, keep: list[str]) -> list[str]:
    """Fresh /proc and tmpfs, kept folders bound back, private ones covered, the rest read-only."""
    notices: list[str] = []
    _mount("none", "/", None, MS_REC | MS_PRIVATE)
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    keep = sorted({*keep, *(os.path.realpath(path) for path in (sys.prefix, sys.base_prefix))})
    handles = [(path, os.open(path, os.O_PATH)) for path in keep if os.path.exists(path)]
    covered = []
    for folder in sorted(os.listdir("/")):
        path = os.path.join("/", folder)
        if folder not in SYSTEM_FOLDERS and os.path.isdir(path) and not os.path.islink(path):
            _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=755")
            covered.append(path)
    _minimal_dev()
    covered.append("/dev")
    size = f"size={int(policy.get('tmp_mb', 256))}m,mode=1777"
    for path in PRIVATE_TMP:
        os.makedirs(path, exist_ok=True)
        _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, size)
    for path, handle in handles:  # bound back: the runtime, this submission, the interpreter
        os.makedirs(path, exist_ok=True)
        _mount(f"/proc/self/fd/{handle}", path, None, MS_BIND | MS_REC)
        os.close(handle)
    for path in policy.get("hide", ()):
        if os.path.isdir(path):
            try:
                _mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k,mode=555")
            except OSError as exc:
                notices.append(f"could not hide {path} ({exc.strerror})")
    notices += _read_only_except(PRIVATE_TMP, covered, keep)
    return notices


def _minimal_dev() -> None:
    """A fresh /dev holding the harmless devices only, bound from the host's (binding needs no
    root, unlike mknod): no terminal or pts to write escape sequences to, no disks."""
    handles = {name: os.open(f"/dev/{name}", os.O_PATH) for name in DEVICES if os.path.exists(f"/dev/{name}")}
    _mount("tmpfs", "/dev", "tmpfs", MS_NOSUID | MS_NOEXEC, "size=64k,mode=755")
    for name, handle in handles.items():
        with open(f"/dev/{name}", "w"):
            pass  # the mount point for the device
        _mount(f"/proc/self/fd/{handle}", f"/dev/{name}", None, MS_BIND)
        os.close(handle)
    for name, target in DEV_LINKS.items():
        os.symlink(target, f"/dev/{name}")


def _read_only_except(writable: tuple[str, ...], covered: list[str], keep: list[str]) -> list[str]:
    """Remount every visible mount read-only but the private tmpfs (device nodes keep working).

    Mounts under a covered folder cannot be reached any more (unless bound back), so they
    are left alone.
    """
    failed = []
    with open("/proc/self/mountinfo") as handle:
        mounts = [(fields[4], fields[5].split(",")) for fields in (line.split() for line in handle)]
    for point, options in mounts:
        if point in writable or point == "/proc" or point.startswith("/proc/"):
            continue
        hidden = any(point.startswith(top + "/") for top in covered)
        if hidden and not any(point == path or point.startswith(path + "/") for path in keep):
            continue
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY
        flags |= sum(bit for name, bit in MOUNT_FLAG_NAMES.items() if name in options)
        if _libc().mount(None, point.encode(), None, flags, None) != 0:
            failed.append(point)
    return [f"could not make {len(failed)} mount(s) read-only: {', '.join(failed[:3])}"] if failed else []


def _limit_resources(policy: dict) -> None:
    """Caps that turn bombs into ordinary errors: memory, CPU, file size, files, processes."""
    memory = int(policy["memory_mb"]) * 1024 * 1024  # the task's, or the launcher's default
    limits = {
        resource.RLIMIT_AS: memory,
        resource.RLIMIT_CPU: int(policy.get("cpu_seconds", 600)),
        resource.RLIMIT_FSIZE: int(policy.get("file_mb", 64)) * 1024 * 1024,
        resource.RLIMIT_NOFILE: int(policy.get("open_files", 1024)),
        resource.RLIMIT_CORE: 0,
    }
    if policy.get("uid") is not None:  # counts every process of the uid: only for the worker's own
        limits[resource.RLIMIT_NPROC] = int(policy.get("processes", 1024))
    for kind, value in limits.items():
        soft, hard = resource.getrlimit(kind)
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        try:
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):  # e.g. RLIMIT_AS on macOS
            pass
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails instead of killing


def _drop_privileges(uid: int, gid: int) -> None:
    """Become ``uid``/``gid`` for good: no supplementary groups, no setuid regained."""
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)
    _libc().prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)


def _make_home(policy: dict) -> None:
    """A private, writable HOME with a TMPDIR in it (on the tmpfs when namespaces are in force)."""
    home = policy.get("home")
    if not home:
        return
    for path in (home, os.path.join(home, "tmp")):
        os.makedirs(path, exist_ok=True)
        if policy.get("uid") is not None:
            os.chown(path, int(policy["uid"]), int(policy["gid"]))


def _enter_home(policy: dict) -> None:
    home = policy.get("home")
    if home:
        os.environ["HOME"], os.environ["TMPDIR"] = home, os.path.join(home, "tmp")
        os.chdir(home)


def describe_layers(policy: dict, notices: list[str]) -> list[str]:
    """What isolation a child actually gets, for the report's staff view."""
    layers = []
    if not any(notice.startswith("namespaces unavailable") for notice in notices) and policy.get("namespaces", True):
        layers += ["no network", "own PID, IPC and UTS namespaces",
                   "private read-only file system view with a minimal /dev"]
    if policy.get("uid") is not None:
        layers.append(f"unprivileged uid {policy['uid']}")
    if policy.get("cgroup_procs") and not any("cgroup" in notice for notice in notices):
        layers.append("cgroup: memory and process caps for the whole worker")
    layers.append(f"limits: {policy['memory_mb']} MB address space, "
                  f"{policy.get('file_mb', 64)} MB files")
    return layers

