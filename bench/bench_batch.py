"""Benchmark: a class graded with `grader batch` (all 56 tasks), and what 200 would take.

Builds N submissions from the reference and fault fixtures, grades them with the given
number of jobs, and prints seconds per submission and the extrapolation to a class of
200 (batch time scales linearly once the workers are warm).

    .venv/bin/python bench/bench_batch.py [--submissions 12] [--jobs 2] [--docker IMAGE]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import FAULTS, make_submission  # noqa: E402


def build_class(folder: Path, count: int, scratch: Path) -> None:
    fixtures = sorted(path.parent for path in FAULTS.glob("*/*/fault.toml"))
    for number in range(count):
        if number % 3 == 0:
            shutil.copytree(ROOT / "reference", folder / f"student{number:03d}")
        else:
            fixture = fixtures[(number * 7) % len(fixtures)]
            shutil.copytree(make_submission(scratch / str(number), fixture), folder / f"student{number:03d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--docker", help="grade in containers of this image")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as temporary:
        work = Path(temporary)
        (work / "class").mkdir()
        build_class(work / "class", args.submissions, work / "scratch")
        command = [sys.executable, "-m", "grader", "batch", str(work / "class"), "--out", str(work / "out"),
                   "--jobs", str(args.jobs)] + (["--docker", args.docker] if args.docker else [])
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            sys.exit(result.stderr[-3000:])
    per = elapsed / args.submissions
    print(f"{args.submissions} submissions, 56 tasks each, {args.jobs} job(s)"
          f"{' in containers' if args.docker else ''}: {elapsed:.1f} s, {per:.2f} s per submission")
    print(f"a class of 200: about {200 * per / 60:.1f} min")


if __name__ == "__main__":
    main()
