"""Attacks on what the worker's children share: descriptors, the channel, memory, IPC.

A batch grades the attackers first and honest victims after them, in one worker (one
job); the victims' results must equal their results graded alone, the trusted process
must stay small while it decodes hostile frames, and nothing may be left in System V IPC.
Fixtures: ``tests/redteam/<name>/attack.toml`` with ``kind = "channel"``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import make_submission
from test_redteam import REDTEAM

TASKS = "task29,task39"
ATTACKERS = {"a1-injector": "channel_injection", "a2-oversized": "oversized_frame",
             "a3-leftovers": "leftovers_stage_one", "a4-census": "descriptors_and_devices",
             "b1-reader": "leftovers_stage_two"}
VICTIMS = ("v1-victim", "v2-victim")
MINIMAL_DEV = {"null", "zero", "full", "random", "urandom", "shm", "fd", "stdin", "stdout", "stderr"}
IPC_KEYS = ("0x67726472", "0x67726473")


def batch(folder: Path, out: Path) -> tuple[int, str, int]:
    """Run ``grader batch``; return its exit code, stderr and the peak RSS of its whole tree (KB)."""
    log = out.parent / f"{out.name}.log"
    with open(log, "w") as stream:
        process = subprocess.Popen([sys.executable, "-m", "grader", "batch", str(folder), "--out", str(out),
                                    "--jobs", "1", "--tasks", TASKS, "--timeout-scale", "0.5"],
                                   stdout=stream, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 900
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.killpg(process.pid, signal.SIGKILL)  # the batch and its whole worker tree
                os.wait4(process.pid, 0)
                pytest.fail("the batch did not finish within 15 minutes")
            time.sleep(0.2)
        process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, log.read_text(errors="replace"), usage.ru_maxrss


def outcome(results: Path) -> dict:
    """What a student's results.json says about their work (no timings)."""
    data = json.loads(results.read_text())
    return {task["id"]: (task["score"], task["status"], [(check["id"], check["status"], check["feedback"])
                                                         for check in task["checks"]])
            for task in data["tasks"]}


def ipc_objects() -> str:
    if not shutil.which("ipcs"):
        pytest.skip("ipcs is not installed")
    return subprocess.run(["ipcs"], capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("channel")
    before = ipc_objects()
    for root, names in (("attacked", [*ATTACKERS, *VICTIMS]), ("alone", VICTIMS)):
        (tmp / root).mkdir()
        for name in names:
            folder = make_submission(tmp / "build" / root / name, REDTEAM / ATTACKERS[name]) \
                if name in ATTACKERS else make_submission(tmp / "build" / root / name)
            shutil.move(folder, tmp / root / name)
    runs = {root: batch(tmp / root, tmp / f"out-{root}") for root in ("attacked", "alone")}
    return {"tmp": tmp, "runs": runs, "ipc_before": before, "ipc_after": ipc_objects()}


def feedback(graded, name: str, task: str) -> str:
    data = json.loads((graded["tmp"] / "out-attacked" / "submissions" / name / "results.json").read_text())
    return " ".join(check["feedback"] for entry in data["tasks"] if entry["id"] == task for check in entry["checks"])


def test_every_submission_is_graded(graded):
    for root, (code, log, _) in graded["runs"].items():
        assert code == 0, log[-3000:]
        assert "Traceback" not in log, log[-3000:]


def test_victims_graded_after_the_attackers_get_their_own_results(graded):
    for victim in VICTIMS:
        attacked = outcome(graded["tmp"] / "out-attacked" / "submissions" / victim / "results.json")
        alone = outcome(graded["tmp"] / "out-alone" / "submissions" / victim / "results.json")
        assert attacked == alone, victim


def test_the_trusted_side_stays_small_while_decoding_hostile_frames(graded):
    code, log, peak_kb = graded["runs"]["attacked"]
    alone_peak_kb = graded["runs"]["alone"][2]
    assert peak_kb < alone_peak_kb + 300 * 1024, f"peak {peak_kb // 1024} MB vs {alone_peak_kb // 1024} MB alone"


def test_a_child_holds_only_its_socket_and_a_minimal_dev(graded):
    census = feedback(graded, "a4-census", "task29")
    match = re.search(r"CENSUS fds (.*?) dev (.*?)(?: \(|$)", census)
    assert match, census
    held = dict(item.split("=", 1) for item in match.group(1).split())
    assert "wrote" not in held, f"the child wrote to a terminal: {held['wrote']}"
    descriptors = {fd: target for fd, target in held.items() if not target.startswith("/proc/")}
    assert {descriptors.get(fd) for fd in ("0", "1", "2")} == {"/dev/null"}, descriptors
    others = [target for fd, target in descriptors.items() if fd not in ("0", "1", "2")]
    assert len(others) == 1 and others[0].startswith("socket:"), descriptors
    assert set(match.group(2).split()) <= MINIMAL_DEV, match.group(2)


def test_nothing_left_in_ipc_or_the_heap_reaches_the_next_submission(graded):
    assert "LEFTOVERS []" in feedback(graded, "b1-reader", "task39"), feedback(graded, "b1-reader", "task39")
    for key in IPC_KEYS:
        assert key not in graded["ipc_after"], f"System V IPC object {key} outlived its submission"
    assert graded["ipc_after"] == graded["ipc_before"]
