"""The cost of a change: this checkout against an earlier commit, interleaved round by round.

Each round grades, with both versions in alternating order (so load on a shared machine
hits both alike): the five-task reference cold (`grader grade`), a batch of 10 copies of
it with 2 jobs (seconds per submission), and the 56-task reference cold. It prints each
round, then the medians and the median of the per-round ratios (after / before).

    .venv/bin/python bench/bench_ab.py 9ec74ce [--rounds 5]

The earlier commit is checked out as a detached worktree under .bench/ and run with this
checkout's interpreter and packages (PYTHONPATH selects the version's own `grader`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIVE = "task13,task15,task29,task49,task55"
MEASURES = ("cold", "warm2", "cold56")


def worktree(commit: str) -> Path:
    """A checkout of ``commit`` beside this one (made once, reused)."""
    target = ROOT / ".bench" / f"ab-{commit}"
    if not target.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(target), commit],
                       check=True, capture_output=True)
    return target


def timed(source: Path, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(source)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "grader", *args], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def one_round(source: Path, work: Path, classroom: Path) -> dict[str, float]:
    shutil.rmtree(work / "out", ignore_errors=True)
    reference = str(ROOT / "reference")
    return {"cold": timed(source, "grade", reference, "--out", str(work / "out" / "cold"), "--tasks", FIVE),
            "warm2": timed(source, "batch", str(classroom), "--out", str(work / "out" / "batch"), "--jobs", "2",
                           "--tasks", FIVE) / 10,
            "cold56": timed(source, "grade", reference, "--out", str(work / "out" / "cold56"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="the earlier commit")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    versions = {"before": worktree(args.before), "after": ROOT}
    with tempfile.TemporaryDirectory(prefix="grader-ab-") as temporary:
        work = Path(temporary)
        for number in range(10):
            shutil.copytree(ROOT / "reference", work / "class" / f"s{number}")
        results: dict[str, dict[str, list[float]]] = {name: {m: [] for m in MEASURES} for name in versions}
        for round_number in range(args.rounds):
            order = list(versions) if round_number % 2 == 0 else list(reversed(versions))
            for name in order:
                for measure, seconds in one_round(versions[name], work, work / "class").items():
                    results[name][measure].append(seconds)
            print(f"round {round_number + 1}: " + "  ".join(
                f"{name}-{m} {results[name][m][-1]:.2f}s" for name in versions for m in MEASURES), flush=True)
    for measure in MEASURES:
        before, after = results["before"][measure], results["after"][measure]
        ratio = statistics.median(a / b for a, b in zip(after, before))
        print(f"{measure:7s} before {statistics.median(before):.2f} s  after {statistics.median(after):.2f} s  "
              f"after/before {ratio:.3f}")


if __name__ == "__main__":
    main()
