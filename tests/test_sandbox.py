"""The worker's isolation: hidden files unreadable, no network, no root, a clean environment."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from grader.sandbox.client import WorkerClient
from grader.sandbox.launcher import plan_sandbox
from grader.sandbox.stage import Stage
from grader.worker.protocol import TaskSession

SPY = '''
import os, socket
def spy(port, secret, decoy):
    found = {}
    try:
        found["secret"] = open(secret).read()[:40]
    except OSError as exc:
        found["secret_error"] = type(exc).__name__
    try:
        found["decoy"] = open(decoy).read()[:40]
    except OSError:
        pass
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        found["network"] = True
    except OSError:
        found["network"] = False
    found["uid"] = os.getuid()
    found["env"] = sorted(os.environ)
    found["cwd"] = os.getcwd()
    found["processes"] = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
    found["tmp"] = sorted(os.listdir("/tmp"))
    found["stage_submissions"] = sorted(os.listdir(os.path.dirname(os.path.dirname(__file__))))
    try:
        open(os.path.join(os.path.dirname(secret), "planted.txt"), "w").write("x")
        found["wrote_catalog"] = True
    except OSError:
        found["wrote_catalog"] = False
    return found
'''
PROBE = "def observe(student, **kwargs):\n    return student.spy(**kwargs)\n"


@pytest.fixture(scope="module")
def spy_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("probe")
    (folder / "probe.py").write_text(PROBE)
    stage = Stage(plan_sandbox().policy.get("uid"), plan_sandbox().policy.get("gid"))
    plan = plan_sandbox(hide=(str(ROOT / "tasks"),))
    worker = WorkerClient(stage, plan)
    listener = socket.create_server(("127.0.0.1", 0))
    base = Path("/opt") if os.geteuid() == 0 else Path.home()
    decoy = base / f"grader-decoy-{os.getpid()}" / "test_hidden.py"  # another copy on the machine
    decoy.parent.mkdir()
    decoy.write_text("EXPECTED = 9098\n")
    decoy.parent.chmod(0o755)
    decoy.chmod(0o644)
    try:
        probe = stage.add_probe("spy", folder / "probe.py")
        stage.add_submission({"other_student.py": b"SECRET = 1\n"})
        submission = stage.add_submission({"task01_spy.py": SPY.encode()})
        session = TaskSession(key="1/spy", task="spy", probe_path=str(probe), module_name="task01_spy",
                              module_path=str(submission / "task01_spy.py"), filename="task01_spy.py",
                              names=("spy",), sys_path=(str(submission),),
                              student_files=(str(submission / "task01_spy.py"),), load_timeout=60,
                              call_timeout=60, memory_mb=4096, seed=0)
        secret = str(ROOT / "tasks" / "task29_cnn" / "test_hidden.py")
        reply = worker.call(session, "observe", {"port": listener.getsockname()[1], "secret": secret,
                                                 "decoy": str(decoy)}, 60)
        yield plan, worker.ready, reply
    finally:
        decoy.unlink()
        decoy.parent.rmdir()
        listener.close()
        worker.stop()
        stage.cleanup()
        planted = ROOT / "tasks" / "task29_cnn" / "planted.txt"
        if planted.exists():
            planted.unlink()


def isolated(ready) -> bool:
    return not ready["notices"]


def test_worker_answers(spy_report):
    plan, ready, reply = spy_report
    assert reply["status"] == "ok", reply


def test_environment_is_built_from_scratch(spy_report, monkeypatch):
    _, _, reply = spy_report
    env = reply["value"]["env"]
    assert "PYTHONPATH" not in env and not any("SECRET" in name or "TOKEN" in name for name in env)
    assert {"HOME", "TMPDIR", "TF_NUM_INTRAOP_THREADS"} <= set(env)


def test_hidden_files_are_unreadable(spy_report):
    plan, ready, reply = spy_report
    if not isolated(ready):
        pytest.skip("namespaces unavailable on this machine: " + "; ".join(ready["notices"]))
    value = reply["value"]
    assert "secret" not in value, "the worker read a hidden test"
    assert "decoy" not in value, "the worker read a copy of a hidden file outside the catalog"
    assert value["wrote_catalog"] is False


def test_no_network(spy_report):
    _, ready, reply = spy_report
    if not isolated(ready):
        pytest.skip("network namespaces unavailable on this machine")
    assert reply["value"]["network"] is False


def test_child_sees_only_itself_and_its_own_submission(spy_report):
    _, ready, reply = spy_report
    if not isolated(ready):
        pytest.skip("namespaces unavailable on this machine")
    value = reply["value"]
    assert value["processes"] == [1], "the child must be alone in its PID namespace"
    assert value["stage_submissions"] == ["2"], "another submission's files are visible"
    venv = os.path.realpath(sys.prefix)  # bound back when the checkout itself lives in /tmp
    allowed = {venv.split("/")[2]} if venv.startswith("/tmp/") else set()
    assert all(name.startswith("grader-stage-") or name in allowed for name in value["tmp"]), value["tmp"]
    assert len([name for name in value["tmp"] if name.startswith("grader-stage-")]) == 1


@pytest.mark.skipif(os.geteuid() != 0, reason="uid drop applies when the grader runs as root")
def test_worker_is_not_root(spy_report):
    _, ready, reply = spy_report
    assert ready["uid"] != 0 and reply["value"]["uid"] != 0
