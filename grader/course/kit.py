"""The student kit: an installable wheel with the engine and the *public* checks only.

Students run ``grader check`` from it. It is built from an allow-list of files, so a
hidden test, the reference solution or an expected value can never slip in.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from grader.catalog import Catalog

PUBLIC_TASK_FILES = ("task.toml", "probe.py", "test_public.py", "written.toml")
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def build_kit(catalog: Catalog, out: Path) -> Path:
    """Build the student wheel into ``out`` and return its path."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="grader-kit-") as temporary:
        source = Path(temporary)
        shutil.copytree(PROJECT_ROOT / "grader", source / "grader",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "public_tasks"))
        for task in catalog.tasks:
            target = source / "grader" / "public_tasks" / task.folder.name
            target.mkdir(parents=True)
            for name in PUBLIC_TASK_FILES:
                if (task.folder / name).is_file():
                    shutil.copy2(task.folder / name, target / name)
        shutil.copy2(PROJECT_ROOT / "pyproject.toml", source / "pyproject.toml")
        (source / "README.md").write_text("Public checks for the course's quiz tasks: run `grader check`.\n")
        before = set(out.glob("*.whl"))
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                        "--quiet", "--wheel-dir", str(out), str(source)], check=True)
    built = sorted(set(out.glob("*.whl")) - before) or sorted(out.glob("tfgrader-*.whl"))
    return built[-1]
