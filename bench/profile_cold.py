"""Where the time of one cold `grader grade` goes, next to the bare-process floor.

Runs `grader grade reference --tasks <five>` under cProfile (the trusted process) and
reads the worker's side from results.json, then runs bench/floor.py on the same calls,
and prints one table: start-up before the worker is spawned, the worker's TensorFlow
import, each task's probe calls (the child's share), pytest and scoring around them,
reports, shutdown. Each task's probe time is shown beside the floor's time for the same
calls in one warm process: the difference is what a fresh child per task costs.

    .venv/bin/python bench/profile_cold.py [--tasks task13,task15,task29,task49,task55]
"""

from __future__ import annotations

import argparse
import json
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIVE = "task13,task15,task29,task49,task55"


def profiled_grade(work: Path, tasks: str) -> tuple[float, pstats.Stats, dict]:
    """Wall time, the trusted process's profile and results.json of one cold grade."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(work / "grade.prof"), "-m", "grader", "grade",
                    str(ROOT / "reference"), "--out", str(work / "out"), "--tasks", tasks],
                   check=True, capture_output=True, cwd=ROOT)
    wall = time.perf_counter() - started
    return wall, pstats.Stats(str(work / "grade.prof")), json.loads((work / "out" / "results.json").read_text())


def cumulative(stats: pstats.Stats, file_part: str, function: str) -> float:
    """Total cumulative seconds of functions named ``function`` in files matching ``file_part``."""
    return sum(row[3] for (path, _, name), row in stats.stats.items()  # type: ignore[attr-defined]
               if name == function and file_part in path)


def floor_per_task(results_json: Path) -> dict[str, float]:
    """Seconds per task of the same probe calls in one bare process (after a first pass)."""
    output = subprocess.run([sys.executable, str(ROOT / "bench" / "floor.py"), str(results_json), "--repeat", "3"],
                            check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(output.stdout.strip().splitlines()[-1])["steady_by_task"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", default=FIVE)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="profile-cold-") as temporary:
        work = Path(temporary)
        subprocess.run([sys.executable, "-m", "grader", "grade", str(ROOT / "reference"), "--out",
                        str(work / "warmup"), "--tasks", args.tasks], check=True, capture_output=True)
        wall, stats, results = profiled_grade(work, args.tasks)
        floor = floor_per_task(work / "out" / "results.json")
    report(wall, stats, results, floor)


def report(wall: float, stats: pstats.Stats, results: dict, floor: dict[str, float]) -> None:
    environment = results["environment"]
    imports = environment.get("worker_import_seconds", 0.0)
    probe_total = sum(call["seconds"] for call in results["probe_calls"])
    run_checks = cumulative(stats, "grader/engine.py", "run_checks")
    rows = [
        ("interpreter start-up and the grader's imports", wall - cumulative(stats, "grader/commands/main.py", "main")),
        ("load the catalog (56 task.toml)", cumulative(stats, "grader/catalog.py", "load_catalog")),
        ("worker: import TensorFlow (runs alongside the rows below)", imports),
        ("read the submission", cumulative(stats, "grader/intake/submission.py", "read_submission")),
        ("pytest, scoring (run_checks minus probe calls)", run_checks - probe_total),
        ("probe calls, waiting on the worker (incl. its import)", probe_total),
        ("reports and results.json", cumulative(stats, "grader/outputs/files.py", "write_submission_outputs")),
        ("stop the worker", cumulative(stats, "grader/engine.py", "close")),
    ]
    print(f"grader grade, {len(results['tasks'])} tasks, cold: {wall:.2f} s wall\n")
    for label, seconds in rows:
        print(f"  {label:<56} {seconds:6.2f} s")
    print("\n  per task: probe seconds in its own child vs the same calls in one warm bare process")
    by_task: dict[str, float] = {}
    for call in results["probe_calls"]:
        by_task[call["task"]] = by_task.get(call["task"], 0.0) + call["seconds"]
    first = results["probe_calls"][0]["task"] if results["probe_calls"] else None
    for task, seconds in by_task.items():
        note = "  (includes waiting for the import)" if task == first else ""
        print(f"  {task:<10} child {seconds:6.2f} s   floor {floor.get(task, 0.0):6.2f} s{note}")


if __name__ == "__main__":
    main()
