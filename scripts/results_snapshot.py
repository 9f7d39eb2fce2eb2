"""Grade every submission the tests know and write each results.json, timings removed.

A refactoring must not change what any student is told: run this before and after and
compare the two folders (``--compare``). Cases: the reference, the template, every fault
fixture (graded on its task and the tasks sharing its module, as the contract test does)
and every round of the alternative solutions.

    python scripts/results_snapshot.py OUT_DIR
    python scripts/results_snapshot.py --compare BEFORE_DIR AFTER_DIR

``--match task40`` limits either step to the cases whose name contains that text (faults
of task40, plus the reference, template and alternative rounds, which span all tasks).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

# Fields that measure time or the machine, not what the student is told.
VOLATILE = ("duration_seconds", "environment", "probe_calls")


def normalised(data: dict) -> str:
    for key in VOLATILE:
        data.pop(key, None)
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def cases(catalog) -> list[tuple[str, Path | None, Path | None, tuple[str, ...] | None]]:
    """(name, overlay, base override, tasks) for every submission the tests grade."""
    from conftest import FAULTS, TEMPLATE
    from test_alternative_styles import ALTERNATIVE, ROUNDS
    found: list = [("reference", None, None, None), ("template", None, TEMPLATE, None)]
    for fault_toml in sorted(FAULTS.glob("*/*/fault.toml")):
        task = catalog.get(tomllib.loads(fault_toml.read_text())["task"])
        sharing = tuple(t.id for t in catalog.tasks if t.id == task.id or (task.module and t.module == task.module))
        found.append((f"fault-{fault_toml.parent.parent.name}-{fault_toml.parent.name}",
                      fault_toml.parent, None, sharing))
    found += [(f"alternative-round{index}", ALTERNATIVE, None, index) for index in range(ROUNDS)]
    return found


def alternative_submission(folder: Path, index: int, catalog) -> tuple[str, ...]:
    from test_alternative_styles import round_files
    chosen = round_files(index)
    for module, path in chosen.items():
        shutil.copy2(path, folder / f"{module}.py")
    return tuple(task.id for task in catalog.tasks if task.module in chosen or (index == 0 and task.answers))


def snapshot(out: Path, match: str | None = None) -> None:
    from conftest import REFERENCE, make_submission

    from grader.catalog import load_catalog
    from grader.engine import GradeOptions, Grader
    try:
        from grader.outputs.results import run_to_dict
    except ImportError:
        from grader.results import run_to_dict
    catalog = load_catalog()
    out.mkdir(parents=True, exist_ok=True)
    with Grader(catalog, GradeOptions()) as grader, tempfile.TemporaryDirectory() as scratch:
        for name, overlay, base, tasks in cases(catalog):
            if match and match not in name and name.startswith("fault-"):
                continue
            work = Path(scratch) / name
            work.mkdir()
            if name.startswith("alternative-round"):
                folder = make_submission(work, overlay if tasks == 0 else None)
                tasks = alternative_submission(folder, tasks, catalog)
            else:
                folder = make_submission(work, overlay, base or REFERENCE)
            run = grader.grade(folder, tasks=tasks)
            (out / f"{name}.json").write_text(normalised(run_to_dict(run)), encoding="utf-8")
            print(name, run.score, run.max_score, flush=True)


def compare(before: Path, after: Path, match: str | None = None) -> int:
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    if match:
        names = [name for name in names if match in name or not name.startswith("fault-")]
    differing = [name for name in names if not (before / name).is_file() or not (after / name).is_file()
                 or (before / name).read_bytes() != (after / name).read_bytes()]
    for name in differing:
        print(f"differs: {name}")
    print(f"{len(names) - len(differing)} of {len(names)} results identical")
    return 1 if differing or not names else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--compare", action="store_true", help="compare two snapshot folders")
    parser.add_argument("--match", help="only the fault cases whose name contains this text")
    args = parser.parse_args()
    if args.compare:
        return compare(*args.folders, match=args.match)
    snapshot(args.folders[0], args.match)
    return 0


if __name__ == "__main__":
    sys.exit(main())
