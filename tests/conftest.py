"""Shared fixtures: one grader (and so one TensorFlow worker) for the whole test session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from grader.catalog import load_catalog
from grader.engine import GradeOptions, Grader

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "reference"
TEMPLATE = ROOT / "student_template"
FAULTS = Path(__file__).resolve().parent / "faults"
# Trees the grader and its tests only ever read: a bytecode cache or a stray output
# written into one of them fails the run (a newcomer's shell writes bytecode; CI's does not).
READ_ONLY_TREES = (REFERENCE, TEMPLATE, ROOT / "examples", ROOT / "tests" / "alternative")


# While writing a task, `GRADER_TEST_TASKS=task06,task54 pytest tests/test_contract.py` limits
# the contract run to those tasks (CI leaves it unset and checks the whole catalog).
SELECTED_TASKS = tuple(t for t in os.environ.get("GRADER_TEST_TASKS", "").split(",") if t) or None


def _listing(folder: Path) -> list[tuple[str, int, int]]:
    return sorted((str(path.relative_to(folder)), path.lstat().st_size, path.lstat().st_mtime_ns)
                  for path in folder.rglob("*"))


def pytest_sessionstart(session: pytest.Session) -> None:
    session.stash[_LISTINGS] = {folder: _listing(folder) for folder in READ_ONLY_TREES if folder.is_dir()}


def pytest_sessionfinish(session: pytest.Session) -> None:
    before = session.stash.get(_LISTINGS, {})
    changed = [f"{folder.relative_to(ROOT)}: {sorted(set(_listing(folder)) ^ set(listing))[:3]}"
               for folder, listing in before.items() if _listing(folder) != listing]
    if changed:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print("\nFAILED: the run wrote into trees it must only read:\n  " + "\n  ".join(changed))


_LISTINGS = pytest.StashKey[dict]()


def regular_files(folder: Path, pattern: str = "*") -> list[Path]:
    """The regular files under ``folder`` (sorted): never a folder, a link or a bytecode cache."""
    return sorted(path for path in folder.glob(pattern)
                  if path.is_file() and not path.is_symlink() and "__pycache__" not in path.parts)


def selected_tasks(catalog):
    return catalog.select(list(SELECTED_TASKS)) if SELECTED_TASKS else catalog.tasks


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def grader(catalog):
    """Grades any submission with every (selected) task; the worker survives across tests."""
    with Grader(catalog, GradeOptions(tasks=SELECTED_TASKS)) as shared:
        yield shared


@pytest.fixture(scope="session")
def reference_run(grader):
    return grader.grade(REFERENCE)


@pytest.fixture(scope="session")
def template_run(grader):
    return grader.grade(TEMPLATE)


def make_submission(tmp_path: Path, overlay: Path | None = None, base: Path = REFERENCE) -> Path:
    """A copy of ``base`` with the files of ``overlay`` written over it.

    An ``answers.yaml`` in the overlay is merged key by key (``taskNN.part``), so a
    fixture states only the answers it changes; a fault written as a patch of ``base``
    (``[[replace]]`` in its fault.toml) is applied last.
    """
    target = tmp_path / "submission"
    shutil.copytree(base, target, ignore=shutil.ignore_patterns("__pycache__"))
    if overlay is not None:
        for item in overlay.iterdir():
            if item.name == "answers.yaml":
                merge_answers(target / "answers.yaml", item)
            elif item.name not in ("fault.toml", "attack.toml") and item.is_file():
                shutil.copy2(item, target / item.name)
        if (overlay / "fault.toml").is_file():
            apply_replacements(target, overlay / "fault.toml")
    return target


def apply_replacements(target: Path, spec: Path) -> None:
    """Each ``[[replace]]`` of a fault.toml swaps one exact text (found once) in one file."""
    changes = tomllib.loads(spec.read_text(encoding="utf-8")).get("replace", [])
    for number, change in enumerate(changes, 1):
        path = target / change["file"]
        text = path.read_bytes().decode("utf-8")
        found = text.count(change["old"]) if change["old"] else 0
        if found != 1:
            raise ValueError(f"{spec}: [[replace]] {number}: its `old` text occurs {found} times in "
                             f"{change['file']}; it must occur exactly once")
        path.write_bytes(text.replace(change["old"], change["new"]).encode("utf-8"))


def merge_answers(target: Path, overlay: Path) -> None:
    answers = yaml.safe_load(target.read_text()) if target.exists() else {}
    for task_id, parts in (yaml.safe_load(overlay.read_text()) or {}).items():
        answers.setdefault(task_id, {}).update(parts or {})
    target.write_text(yaml.safe_dump(answers, sort_keys=True, allow_unicode=True))


def written_answers_class(catalog, tmp_path_factory, tasks: tuple[str, ...], answers: dict[str, str]) -> Path:
    """A batch output folder of reference submissions whose task 7 answers are ``answers`` (by name)."""
    from grader.course.batch import collected_results
    from grader.course.class_outputs import write_class_outputs
    from grader.course.gradebook import ClassRecord
    from grader.outputs.files import write_submission_outputs

    out = tmp_path_factory.mktemp("class")
    with Grader(catalog, GradeOptions(tasks=tasks)) as grader:
        for name, answer in answers.items():
            folder = make_submission(tmp_path_factory.mktemp("submission"))
            (folder / "answers.yaml").write_text(
                (REFERENCE / "answers.yaml").read_text().replace("task07:", "task07_reference:")
                + f"\ntask07:\n  answer: {json.dumps(answer)}\n")
            write_submission_outputs(grader.grade(folder, name), out / "submissions" / name)
    write_class_outputs(out, ClassRecord(collected_results(out)[0], catalog))
    return out


def run_grader(*args: str, **options) -> subprocess.CompletedProcess:
    """The ``grader`` command as users run it, in a process of its own (text output unless asked)."""
    return subprocess.run([sys.executable, "-m", "grader", *args],
                          **{"capture_output": True, "text": True, "timeout": 900, **options})


def task_of(run, task_id):
    return next(task for task in run.tasks if task.id == task_id)


def assert_generated_doc_current(script: str, doc: str) -> None:
    """A docs/ page generated by a script must match what the script prints now."""
    table = subprocess.run([sys.executable, script], capture_output=True, text=True, cwd=ROOT,
                           check=True).stdout
    assert (ROOT / doc).read_text() == table, f"{doc} is stale: run `python {script} > {doc}`"
