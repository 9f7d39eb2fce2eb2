"""Grading one submission end to end: read it, run the task checks, score them.

The worker (and its ~3 s TensorFlow import) starts before pytest collects the task
files, so the two overlap; one worker serves every submission a ``Grader`` grades.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from grader import __version__
from grader.catalog import Catalog
from grader.checks.scoring import score_run, score_task, task_checks
from grader.checks.session import GradingSession, needs_worker
from grader.domain import CheckResult, GradeRun, TaskSpec
from grader.intake.submission import read_submission
from grader.sandbox.client import WorkerClient
from grader.sandbox.launcher import plan_sandbox
from grader.sandbox.stage import Stage

TEST_FILES = ("test_public.py", "test_hidden.py")
PROJECT_ROOT = Path(__file__).resolve().parent.parent
PRIVATE_FOLDERS = ("reference", "tests", "examples")  # hidden from student code when present


class GraderError(Exception):
    """The grader itself cannot run (broken catalog, worker that never starts)."""


@dataclass(frozen=True)
class GradeOptions:
    tasks: tuple[str, ...] | None = None
    public_only: bool = False
    isolate: bool = True
    threads: int = 2
    timeout_scale: float = 1.0  # multiplies every task's time limits (slow machines, tests)
    submission_seconds: float = 1800.0  # wall time for all of one submission's student code


class Grader:
    """Grades submissions against a catalog, reusing one sandboxed worker."""

    def __init__(self, catalog: Catalog, options: GradeOptions = GradeOptions(),
                 hide: tuple[str, ...] = ()):
        self.catalog = catalog
        self.options = options
        self.tasks = catalog.select(list(options.tasks) if options.tasks else None)
        private = (str(catalog.root), *(str(PROJECT_ROOT / name) for name in PRIVATE_FOLDERS), *hide)
        self.hide = tuple(path for path in private if os.path.isdir(path))
        self.plan = plan_sandbox(options.isolate, self.hide)
        self.stage: Stage | None = None
        self.worker: WorkerClient | None = None

    def __enter__(self) -> "Grader":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def grade(self, path: Path, submission_id: str | None = None,
              tasks: tuple[str, ...] | None = None) -> GradeRun:
        """Grade one submission on the grader's tasks (or on ``tasks``, a subset by id)."""
        started = time.perf_counter()
        selected = self.catalog.select(list(tasks)) if tasks else self.tasks
        if any(task.module for task in selected):
            self._ensure_worker()  # now, so TensorFlow's import overlaps reading and collecting
        submission = read_submission(Path(path), self.catalog, submission_id)
        worker = self._ensure_worker() if needs_worker(submission, selected) else None
        session = GradingSession(submission, worker, self.options.timeout_scale,
                                 deadline=time.monotonic() + self.options.submission_seconds)
        ran = run_checks(selected, session, self.options.public_only)
        if session.fatal is not None:
            raise GraderError(f"the grading worker failed: {session.fatal}")
        scores = [score_task(task, task_checks(task, ran.get(task.id, []), submission), submission)
                  for task in selected]
        return score_run(submission, scores, time.perf_counter() - started,
                         self._environment(), self._notices(), tuple(session.calls))

    def _ensure_worker(self) -> WorkerClient:
        if self.worker is None:
            self.stage = Stage(self.plan.policy.get("uid"), self.plan.policy.get("gid"))
            self.worker = WorkerClient(self.stage, self.plan, self.options.threads)
            self.worker.start()
        return self.worker

    def _environment(self) -> dict:
        ready = (self.worker.ready if self.worker else None) or {}
        memory = self.worker.stats() if self.worker else {}
        return {"grader": __version__, **ready.get("versions", {}),
                "worker_import_seconds": round(ready.get("import_seconds", 0.0), 2),
                "sandbox": list(ready.get("layers", [])), "worker_memory_mb": memory}

    def _notices(self) -> tuple[str, ...]:
        ready = (self.worker.ready if self.worker else None) or {}
        cgroup = (self.worker.cgroup_notice,) if self.worker and self.worker.cgroup_notice else ()
        return (*self.plan.notices, *cgroup, *ready.get("notices", ()))

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        if self.stage is not None:
            self.stage.cleanup()
        self.worker = self.stage = None


def run_checks(tasks: tuple[TaskSpec, ...], session: GradingSession,
               public_only: bool) -> dict[str, list[CheckResult]]:
    """Run the tasks' pytest files in this (trusted) process; results grouped by task."""
    import pytest  # imported here, after the worker has started: 0.2 s off the cold path

    from grader.checks.plugin import GradingPlugin

    names = TEST_FILES[:1] if public_only else TEST_FILES
    files = [str(task.folder / name) for task in tasks for name in names
             if (task.folder / name).is_file()]
    if not files:
        return {}
    plugin = GradingPlugin(tasks, session)
    root = str(tasks[0].folder.parent)
    args = ["-p", "no:cacheprovider", "-p", "no:terminal", "-p", "no:stepwise",
            "-p", "no:logging", "--strict-markers", "--import-mode=importlib",
            "-c", os.devnull, "--rootdir", root, "--confcutdir", root,
            "-o", "python_files=test_public.py test_hidden.py", *files]
    with _no_plugin_autoload():
        _forget_other_catalogs(root)
        code = pytest.main(args, plugins=[plugin])
    if plugin.collection_errors or code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        detail = "\n".join(plugin.collection_errors) or f"pytest exit code {int(code)}"
        raise GraderError(f"the task checks could not run:\n{detail}")
    grouped: dict[str, list[CheckResult]] = {}
    for result in plugin.results.values():
        grouped.setdefault(result.task_id, []).append(result)
    return grouped


_last_catalog_root: str | None = None


def _forget_other_catalogs(root: str) -> None:
    """pytest's importlib mode reuses a module of the same dotted name, which is right for
    the same catalog (its checks are imported and rewritten once per process, not once per
    submission) but wrong for another one: forget a previous catalog's check modules."""
    global _last_catalog_root
    if _last_catalog_root not in (None, root):
        prefix = os.path.join(os.path.realpath(_last_catalog_root), "")
        for name, module in list(sys.modules.items()):
            location = getattr(module, "__file__", None)
            if location and os.path.realpath(location).startswith(prefix):
                del sys.modules[name]
    _last_catalog_root = root


@contextmanager
def _no_plugin_autoload() -> Iterator[None]:
    """Only our plugin runs: installed pytest plugins could change outcomes."""
    previous = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = previous
