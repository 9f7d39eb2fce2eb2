"""The floor for the benchmark: the same probe calls, run bare in one process.

Imports TensorFlow once and runs, on the reference solution, exactly the probe functions
that a grading run called (read from its results.json): no sandbox, no worker, no fork,
no pytest, no report, and TensorFlow configured as in the worker. Nothing can grade
faster than this and still do the same work.

With ``--repeat N`` it then grades the reference N more times in the same process (the
student modules re-executed, as for a new submission) and reports the median of those:
the steady-state cost of one submission's probe work on one core, with every first-use
cost of TensorFlow already paid. No batch grader can beat that per core.

    python bench/floor.py RESULTS_JSON [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.dont_write_bytecode = True  # it executes reference/ modules: never write a cache into that tree

from grader.catalog import load_catalog  # noqa: E402
from grader.engine import GradeOptions  # noqa: E402
from grader.sandbox.launcher import tensorflow_settings  # noqa: E402
from grader.worker.loader import StudentCode, load_module  # noqa: E402


def grade_once(catalog, calls: list[dict], probes: dict) -> dict[str, float]:
    """One submission's probe calls, the student modules executed afresh; seconds per task."""
    students: dict[str, StudentCode] = {}
    seconds: dict[str, float] = {}
    for call in calls:
        mark = time.perf_counter()
        task = catalog.get(call["task"])
        if task.id not in probes:
            probes[task.id] = load_module(f"probe_{task.id}", str(task.probe_file))
        if task.id not in students:
            module = load_module(task.module, str(ROOT / "reference" / task.filename))
            students[task.id] = StudentCode(module, task.filename, list(task.names))
        getattr(probes[task.id], call["function"])(students[task.id], **call["kwargs"])
        seconds[task.id] = seconds.get(task.id, 0.0) + time.perf_counter() - mark
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results_json", type=Path)
    parser.add_argument("--repeat", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    os.environ.update(tensorflow_settings(GradeOptions().threads))  # as `grader grade` runs it
    import tensorflow  # noqa: F401 - the cost every grading process pays

    catalog = load_catalog()
    calls = json.loads(args.results_json.read_text())["probe_calls"]
    probes: dict = {}
    grade_once(catalog, calls, probes)
    first = time.perf_counter() - started
    again = [grade_once(catalog, calls, probes) for _ in range(args.repeat)]
    steady = {task: statistics.median(run[task] for run in again) for task in again[0]} if again else {}
    print(json.dumps({"floor_seconds": first, "calls": len(calls),
                      "steady_seconds": statistics.median(sum(run.values()) for run in again) if again else None,
                      "steady_by_task": steady}), flush=True)
    os._exit(0)  # like the grader's worker, skip TensorFlow's ~0.7 s interpreter teardown


if __name__ == "__main__":
    main()
