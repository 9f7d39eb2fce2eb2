"""The student kit: an installable wheel with the engine and the *public* checks only.

Students run ``grader check`` from it. It is built from an allow-list of files, so a
hidden test, the reference solution or an expected value can never slip in. Its
requirements are the project's less the pins of TensorFlow: it requires Keras in the
supported range and offers TensorFlow as the extra ``[tensorflow]`` (``grader.compat``),
so installing it keeps the TensorFlow a student's Colab or lab already has.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from grader.catalog import Catalog
from grader.compat import SUPPORTED

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
        (source / "pyproject.toml").write_text(kit_pyproject((PROJECT_ROOT / "pyproject.toml").read_text()))
        (source / "README.md").write_text("Public checks for the course's quiz tasks: run `grader check`.\n")
        before = set(out.glob("*.whl"))
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                        "--quiet", "--wheel-dir", str(out), str(source)], check=True)
    built = sorted(set(out.glob("*.whl")) - before) or sorted(out.glob("tfgrader-*.whl"))
    return built[-1]


def kit_pyproject(project: str) -> str:
    """The project's pyproject.toml as the kit's: no TensorFlow pin, Keras in range, TensorFlow an extra."""
    kept = [line for line in project.splitlines(keepends=True) if not re.match(r'\s*"tensorflow(-cpu)?[=<>!~; ]', line)]
    text = "".join(kept)
    text = re.sub(r'"keras[^"]*"', f'"keras{SUPPORTED["keras"]}"', text, count=1)
    tensorflow = SUPPORTED["tensorflow"]
    extra = (f'tensorflow = ["tensorflow-cpu{tensorflow}; sys_platform == \'linux\' and platform_machine == \'x86_64\'",\n'
             f'              "tensorflow{tensorflow}; sys_platform != \'linux\' or platform_machine != \'x86_64\'"]\n')
    return text.replace("[project.optional-dependencies]\n", "[project.optional-dependencies]\n" + extra, 1)
