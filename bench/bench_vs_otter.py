"""Side by side, in one interleaved run: Otter-Grader, our grader cold and warm, the floor.

The same five-task assignment (tasks 13, 15, 29, 49, 55) graded by
  otter run       Otter-Grader 7.0 from PyPI, in its own venv, on an equivalent notebook
                  assignment generated from our probes (bench/otter_assignment.py);
  grader cold     `grader grade` of one submission (a fresh process: TensorFlow imported);
  grader warm     `grader batch` of 30 submissions with 1 and 2 jobs (seconds per submission);
  floor           bench/floor.py: one bare process importing TensorFlow and making the same
                  probe calls on the reference;
  steady floor    the same process grading the reference again: one submission's probe
                  work with every first-use cost paid (a bound no batch grader can beat).
Also the full 56-task reference, cold and warm, and the worker's memory. Medians over
rounds; ratios are per round, then the median.

    .venv/bin/python bench/bench_vs_otter.py [--rounds 3] [--batch 30]

The first run builds .bench/otter-venv (otter-grader 7.0.0, tensorflow-cpu 2.21.0, a
kernel) and the Otter assignment; later runs reuse them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench"
OTTER_VENV = CACHE / "otter-venv"
FIVE = "task13,task15,task29,task49,task55"
PYTHON = sys.executable


def sh(*command: str, cwd: Path | None = None) -> str:
    result = subprocess.run(list(command), capture_output=True, text=True, cwd=cwd)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def steady_floor(results_json: Path) -> float:
    """Seconds of one submission's probe work in a process that has graded it before."""
    output = sh(PYTHON, str(ROOT / "bench" / "floor.py"), str(results_json), "--repeat", "3")
    return json.loads(output.strip().splitlines()[-1])["steady_seconds"]


def timed(*command: str, cwd: Path | None = None) -> float:
    started = time.perf_counter()
    sh(*command, cwd=cwd)
    return time.perf_counter() - started


def prepare_otter() -> tuple[Path, Path]:
    """The Otter venv, autograder zip and answered student notebook (built once, cached)."""
    work = CACHE / "otter"
    zip_path, submission = work / "dist" / "autograder" / "tfquiz-autograder.zip", work / "submission.ipynb"
    if not (OTTER_VENV / "bin" / "otter").exists():
        sh(sys.executable, "-m", "venv", str(OTTER_VENV))
        pip = [str(OTTER_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        sh(*pip, "-c", str(ROOT / "requirements.lock"), "tensorflow-cpu==2.21.0", "ipykernel")
        sh(*pip, "otter-grader==7.0.0")
        sh(str(OTTER_VENV / "bin" / "python"), "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3")
    if not submission.exists():
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        sh(PYTHON, str(ROOT / "bench" / "otter_assignment.py"), "master", str(work / "master.ipynb"))
        sh(str(OTTER_VENV / "bin" / "otter"), "assign", "--no-pdfs", "master.ipynb", "dist", cwd=work)
        sh(PYTHON, str(ROOT / "bench" / "otter_assignment.py"), "fill", str(work / "dist"), str(submission))
        zip_path = next((work / "dist" / "autograder").glob("*.zip"))
    return next((work / "dist" / "autograder").glob("*.zip")), submission


def class_folder(where: Path, count: int) -> Path:
    folder = where / f"class{count}"
    folder.mkdir()
    for number in range(count):
        shutil.copytree(ROOT / "reference", folder / f"student{number:03d}")
    return folder


def batch_seconds(folder: Path, out: Path, jobs: int, tasks: str | None) -> float:
    shutil.rmtree(out, ignore_errors=True)
    command = [PYTHON, "-m", "grader", "batch", str(folder), "--out", str(out), "--jobs", str(jobs)]
    return timed(*command, *(["--tasks", tasks] if tasks else []))


def check_full_marks(work: Path, otter_zip: Path, otter_submission: Path) -> None:
    """Both graders must give the reference full marks, or the timings compare nothing."""
    sh(str(OTTER_VENV / "bin" / "otter"), "run", "--no-logo", "-a", str(otter_zip), "-o", str(work / "otter-out"),
       str(otter_submission))
    tests = json.loads((work / "otter-out" / "results.json").read_text())["tests"]
    tests = [test for test in tests if "max_score" in test]  # the first entry is a summary
    otter = (sum(t["score"] for t in tests), sum(t["max_score"] for t in tests))
    ours = json.loads((work / "cold" / "results.json").read_text())
    print(f"full marks: otter {otter[0]:g}/{otter[1]:g} in {len(tests)} tests, "
          f"ours {ours['score']:g}/{ours['max_score']:g}", flush=True)
    if otter[0] != otter[1] or ours["score"] != ours["max_score"]:
        sys.exit("the reference did not get full marks: fix the assignment before timing it")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=30)
    args = parser.parse_args()
    otter_zip, otter_submission = prepare_otter()
    with tempfile.TemporaryDirectory(prefix="bench-otter-") as temporary:
        work = Path(temporary)
        five_class, full_class = class_folder(work, args.batch), class_folder(work, 6)
        cold = [PYTHON, "-m", "grader", "grade", str(ROOT / "reference"), "--out", str(work / "cold")]
        sh(*cold, "--tasks", FIVE)  # warm the page cache; records the calls the floor makes
        (work / "otter-out").mkdir()
        check_full_marks(work, otter_zip, otter_submission)
        rows = []
        for number in range(1, args.rounds + 1):
            row = {
                "floor": timed(PYTHON, str(ROOT / "bench" / "floor.py"), str(work / "cold" / "results.json")),
                "otter": timed(str(OTTER_VENV / "bin" / "otter"), "run", "--no-logo", "-a", str(otter_zip),
                               "-o", str(work / "otter-out"), str(otter_submission)),
                "cold": timed(*cold, "--tasks", FIVE),
                "warm1": batch_seconds(five_class, work / "w1", 1, FIVE) / args.batch,
                "warm2": batch_seconds(five_class, work / "w2", 2, FIVE) / args.batch,
                "steady": steady_floor(work / "cold" / "results.json"),
                "cold56": timed(*cold[:-1], str(work / "cold56")),
                "warm56": batch_seconds(full_class, work / "w56", 2, None) / 6,
            }
            rows.append(row)
            print(f"round {number}: " + "  ".join(f"{key} {value:.2f}s" for key, value in row.items()), flush=True)
        memory = json.loads((work / "cold56" / "results.json").read_text())["environment"].get("worker_memory_mb", {})
    report(rows, memory, args)


def report(rows: list[dict], memory: dict, args: argparse.Namespace) -> None:
    median = {key: statistics.median(row[key] for row in rows) for key in rows[0]}
    ratio = lambda a, b: statistics.median(row[a] / row[b] for row in rows)  # noqa: E731
    print(f"\nmedians over {args.rounds} rounds (five tasks unless noted; warm = per submission "
          f"in a batch of {args.batch}):")
    for key, label in (("otter", "otter run"), ("floor", "floor (bare TF script)"), ("cold", "grader grade (cold)"),
                       ("steady", "floor, steady state (see below)"),
                       ("warm1", "grader batch, 1 job"), ("warm2", "grader batch, 2 jobs"),
                       ("cold56", "56 tasks, grader grade (cold)"), ("warm56", "56 tasks, batch of 6, 2 jobs")):
        print(f"  {label:<32} {median[key]:7.2f} s")
    print(f"\n  warm (2 jobs) / otter run       {ratio('warm2', 'otter'):6.3f}   target <= 0.100")
    print(f"  warm (1 job) / otter run        {ratio('warm1', 'otter'):6.3f}")
    print(f"  warm (2 jobs) / (steady / 2)    {ratio('warm2', 'steady') * 2:6.3f}   "
          "(steady / 2: the probe work alone, warm, on 2 cores)")
    print(f"  steady / 2 / otter run          {statistics.median(r['steady'] / 2 / r['otter'] for r in rows):6.3f}"
          "   (the best any 2-core batch grader could reach)")
    print(f"  cold / floor                    {ratio('cold', 'floor'):6.3f}   target <= 1.2")
    print(f"  otter run / floor               {ratio('otter', 'floor'):6.3f}")
    print(f"\n  worker memory (56 tasks): zygote {memory.get('zygote_rss_mb', '?')} MB now, "
          f"{memory.get('zygote_peak_mb', '?')} MB peak; largest child peak "
          f"{memory.get('largest_child_peak_mb', '?')} MB (target <= 1024)")


if __name__ == "__main__":
    main()
