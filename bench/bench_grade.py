"""Benchmark: `grader grade` of the reference (five tasks) against the bare-process floor.

Each round runs, interleaved so both see the same machine load:
  floor  - bench/floor.py: import TensorFlow and run the same probe calls bare;
  grader - `grader grade reference --out ... --tasks <five tasks>` as a TA runs it.
Prints per-round figures, medians and the median of per-round ratios (target <= 1.5).

    .venv/bin/python bench/bench_grade.py [--rounds 7] [--tasks task13,task15,...]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIVE_TASKS = "task13,task15,task29,task49,task55"


def timed(argv: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{result.stderr[-2000:]}")
    return elapsed, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--tasks", default=FIVE_TASKS)
    args = parser.parse_args()
    python = sys.executable
    out = Path(tempfile.mkdtemp(prefix="bench-grade-"))
    grade = [python, "-m", "grader", "grade", "reference", "--out", str(out), "--tasks", args.tasks]
    floor = [python, "bench/floor.py", str(out / "results.json")]
    timed(grade)  # warm the page cache; also records which probe calls the floor must make
    calls = len(json.loads((out / "results.json").read_text())["probe_calls"])
    rows = []
    for number in range(1, args.rounds + 1):
        floor_seconds, _ = timed(floor)
        grade_seconds, _ = timed(grade)
        rows.append((floor_seconds, grade_seconds))
        print(f"round {number}: floor {floor_seconds:6.2f} s   grader {grade_seconds:6.2f} s   "
              f"ratio {grade_seconds / floor_seconds:5.2f}", flush=True)
    floors, grades = zip(*rows)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\ntasks: {args.tasks} ({calls} probe calls), rounds: {args.rounds}")
    print(f"median floor   {statistics.median(floors):6.2f} s")
    print(f"median grader  {statistics.median(grades):6.2f} s")
    print(f"median ratio   {statistics.median(g / f for f, g in rows):6.2f}  (target <= 1.5)")
    print(f"peak RSS of the largest child process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
