"""The floor for the benchmark: the same probe calls, run bare in one process.

Imports TensorFlow once and runs, on the reference solution, exactly the probe functions
that a grading run called (read from its results.json): no sandbox, no worker, no fork,
no pytest, no report. Nothing can grade faster than this and still do the same work.

    python bench/floor.py RESULTS_JSON
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader.catalog import load_catalog  # noqa: E402
from grader.worker.loader import StudentCode, load_module  # noqa: E402


def main(results_json: str) -> None:
    started = time.perf_counter()
    import tensorflow  # noqa: F401 - the cost every grading process pays

    catalog = load_catalog()
    calls = json.loads(Path(results_json).read_text())["probe_calls"]
    loaded: dict[str, tuple] = {}
    for call in calls:
        task = catalog.get(call["task"])
        if task.id not in loaded:
            probes = load_module(f"probe_{task.id}", str(task.probe_file))
            module = load_module(task.module, str(ROOT / "reference" / task.filename))
            loaded[task.id] = (probes, StudentCode(module, task.filename, list(task.names)))
        probes, student = loaded[task.id]
        getattr(probes, call["function"])(student, **call["kwargs"])
    print(json.dumps({"floor_seconds": time.perf_counter() - started, "calls": len(calls)}))


if __name__ == "__main__":
    main(sys.argv[1])
