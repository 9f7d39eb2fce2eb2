"""The probe side imports nothing from the trusted side.

Code under grader/worker, grader/probes and every task's probe.py runs in the sandbox
beside student code. It may import the standard library, NumPy, TensorFlow, Keras and
itself; never the engine, the tests or the catalog.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from grader.catalog import load_catalog

GRADER = Path(__file__).resolve().parent.parent / "grader"
ALLOWED_THIRD_PARTY = {"numpy", "tensorflow", "keras"}
ALLOWED_OWN = ("grader.worker", "grader.probes")
TASK_PROBES = sorted({task.probe_file for task in load_catalog().tasks if task.module})
SANDBOX_FILES = sorted([*GRADER.glob("worker/*.py"), *GRADER.glob("probes/*.py"), *TASK_PROBES])


def imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
    return names


@pytest.mark.parametrize("path", SANDBOX_FILES, ids=lambda path: str(path.relative_to(GRADER.parent)))
def test_sandbox_side_imports_only_allowed_modules(path):
    for name in imported_modules(path):
        top = name.split(".")[0]
        if top == "grader":
            assert name == "grader" or name.startswith(ALLOWED_OWN), f"{path.name} imports {name}"
        else:
            assert top in sys.stdlib_module_names or top in ALLOWED_THIRD_PARTY, f"{path.name} imports {name}"


def test_the_boundary_covers_every_probe():
    assert len([p for p in SANDBOX_FILES if p.name == "probe.py"]) >= 5


@pytest.mark.parametrize("path", [*TASK_PROBES, *GRADER.glob("probes/*.py")],
                         ids=lambda path: str(path.relative_to(path.parent.parent)))
def test_probes_use_the_probe_library_not_the_worker(path):
    """A probe, and the probe library itself, import from grader.probes only.

    ``grader.worker`` is the machinery that runs probes (loading, the protocol, the jail);
    it imports the library, never the other way round. What both sides need
    (``ContractError``, ``exception_text``) lives in ``grader.probes.errors``.
    """
    for name in imported_modules(path):
        if name.split(".")[0] == "grader":
            assert name == "grader.probes" or name.startswith("grader.probes."), (
                f"{path.name} imports {name}: import it from grader.probes")


def test_tasks_sharing_a_module_share_one_probe():
    """Byte-identical probes drift apart: a task reading another task's module names its probe."""
    tasks = [task for task in load_catalog().tasks if task.module]
    texts = {}
    for task in tasks:
        if task.probe_folder is None:
            texts.setdefault(task.probe_file.read_bytes(), []).append(task.id)
    copies = [ids for ids in texts.values() if len(ids) > 1]
    assert not copies, f"identical probe.py files: {copies}; use probe = \"<folder>\" in task.toml"


CHECK_FILES = sorted(path for task in load_catalog().tasks
                     for path in task.folder.glob("test_*.py"))


@pytest.mark.parametrize("path", CHECK_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_checks_never_import_tensorflow(path):
    """Checks run in the trusted process, which must stay free of TensorFlow (and fast)."""
    for name in imported_modules(path):
        assert name.split(".")[0] not in ("tensorflow", "keras"), f"{path} imports {name}"
