"""The worker's main process: it starts up, says it is ready, then serves the trusted side.

Starting up: join the worker's cgroups, become the subreaper, jail a throw-away child once
to learn which isolation layers this machine allows, and import TensorFlow and the probe
library once (``grader.worker.zygote``, whose forks share them). Then the ``ready`` frame
(versions, layers, notices), and one reply per request, each echoing its nonce, until the
trusted side says ``shutdown`` or goes away; the zygote's children are stopped on the way out.
"""

from __future__ import annotations

import json
import os
import socket
import time

from grader.worker import jail, protocol, reaper
from grader.worker.zygote import FORK_IS_SAFE, Zygote, import_frameworks, installed_versions


def main(fd: int, policy: dict) -> int:
    channel = socket.socket(fileno=fd)
    started = time.perf_counter()
    jail.become_subreaper()
    joined = jail.join_cgroups(policy.get("cgroup_procs", []))
    notices, child_uid = _try_jail(policy)
    notices = joined + notices
    if not FORK_IS_SAFE:
        notices.append("this platform cannot fork TensorFlow safely: every task starts a fresh "
                       "process that imports TensorFlow itself (slower)")
    versions = import_frameworks() if FORK_IS_SAFE else installed_versions()  # no child to share with
    protocol.send_frame(channel, {"status": "ok", "op": "ready", "versions": versions, "forks": FORK_IS_SAFE,
                                  "import_seconds": time.perf_counter() - started, "uid": child_uid,
                                  "notices": notices, "layers": jail.describe_layers(policy, notices)})
    serve_requests(Zygote(channel, policy))
    return 0


def serve_requests(zygote: Zygote) -> None:
    """Answer the trusted side's requests, each reply echoing its nonce, until told to stop."""
    while True:
        try:
            request, fds = protocol.receive_frame_and_fds(zygote.channel)
        except (EOFError, OSError, protocol.ProtocolError):
            break
        if not isinstance(request, dict) or request.get("op") == "shutdown":
            break
        reply = zygote.handle(request, fds)
        protocol.send_frame(zygote.channel, {**reply, "nonce": request.get("nonce")})
    zygote.stop_all()


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
    reaper.reap_orphans(5.0)
    try:
        report = json.loads(data.decode())
    except ValueError:
        report = {"fatal": "the isolation check ended without a report"}
    if "fatal" in report:
        raise SystemExit(f"cannot isolate student code as asked: {report['fatal']}")
    return report["notices"], report["uid"]
