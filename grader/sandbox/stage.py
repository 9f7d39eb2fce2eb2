"""The directory the worker sees: its runtime, the task probes and the students' files.

Nothing hidden is ever copied here: the worker's code (``grader.worker``,
``grader.probes``), one ``probe.py`` per task, and the student's sources. The worker's
``HOME`` and ``TMPDIR`` are the only places it may write.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

GRADER_PACKAGE = Path(__file__).resolve().parent.parent
RUNTIME_PACKAGES = ("worker", "probes")


class Stage:
    """A private temporary tree, removed by ``cleanup``."""

    def __init__(self, worker_uid: int | None = None, worker_gid: int | None = None):
        self.root = Path(tempfile.mkdtemp(prefix="grader-stage-"))
        self.uid, self.gid = worker_uid, worker_gid
        if worker_uid is not None:
            os.chmod(self.root, 0o711)  # the worker may pass through, not list
        self.runtime = self.root / "runtime"
        self.home = self.root / "home"
        self._submissions = 0
        self._install_runtime()
        (self.home / "tmp").mkdir(parents=True)
        self._hand_to_worker(self.home)

    @property
    def boot_script(self) -> Path:
        return self.runtime / "boot.py"

    def _install_runtime(self) -> None:
        package = self.runtime / "grader"
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("")
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        for name in RUNTIME_PACKAGES:
            shutil.copytree(GRADER_PACKAGE / name, package / name, ignore=ignore)
        shutil.copy2(GRADER_PACKAGE / "worker" / "boot.py", self.boot_script)
        (self.runtime / "probes").mkdir()

    def add_probe(self, task_id: str, probe_file: Path) -> Path:
        """Copy a task's probe module in (once) and return the worker's path to it."""
        target = self.runtime / "probes" / f"{task_id}.py"
        if not target.exists():
            shutil.copy2(probe_file, target)
        return target

    def add_submission(self, files: dict[str, bytes]) -> Path:
        """Write a submission's sources (name -> bytes) into a fresh read-only folder."""
        self._submissions += 1
        folder = self.root / "submissions" / str(self._submissions)
        folder.mkdir(parents=True)
        for name, content in files.items():
            (folder / name).write_bytes(content)
        return folder

    def _hand_to_worker(self, path: Path) -> None:
        if self.uid is None:
            return
        for current, dirs, files in os.walk(path):
            for name in [current, *(os.path.join(current, n) for n in dirs + files)]:
                os.chown(name, self.uid, self.gid)

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
