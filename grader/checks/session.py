"""What the checks of one submission can ask for: probe observations and answers.

Probe calls go to the sandboxed worker; their replies are cached per submission, so
several checks can read one observation without running the student's code again.
"""

from __future__ import annotations

import json
import time
from typing import Any

from grader.checks.feedback import missing_code_message, student_message
from grader.domain import Submission, TaskSpec
from grader.sandbox.client import WorkerClient, WorkerError
from grader.testing import MissingAnswer, StudentCodeError
from grader.worker.protocol import ErrorKind, Failure, TaskSession

ANSWERS_FILE = "answers.yaml"


class GraderFault(Exception):
    """What the worker said when the grader itself failed: the cause the staff's details show."""


class GradingSession:
    """Binds one submission to a worker (None: no task of it has code to run) for its checks."""

    def __init__(self, submission: Submission, worker: WorkerClient | None, timeout_scale: float = 1.0,
                 deadline: float | None = None):
        self.submission = submission
        self.worker = worker
        self.timeout_scale = timeout_scale
        self.deadline = deadline
        self._folder = None
        self._cache: dict[str, Any] = {}
        self._failed_imports: dict[str, dict] = {}  # task id -> the import's failure, answered once
        self.fatal: WorkerError | None = None  # the worker cannot run at all: abort grading
        self.calls: list[dict[str, Any]] = []   # each probe call with its wall time (for staff)

    def call(self, task: TaskSpec, function: str, kwargs: dict[str, Any]) -> Any:
        """The value a probe function returns, or StudentCodeError describing what went wrong."""
        key = json.dumps([task.id, function, kwargs], sort_keys=True, default=str)
        if key not in self._cache:
            started = time.perf_counter()
            try:
                self._cache[key] = self._call_uncached(task, function, kwargs)
                self.calls.append({"task": task.id, "function": function, "kwargs": kwargs,
                                   "seconds": round(time.perf_counter() - started, 4)})
            except WorkerError as exc:
                self.fatal = exc
                raise
        reply = self._cache[key]
        if reply.get("status") == "ok":
            return reply.get("value")
        failure = Failure.from_wire(reply)
        source = self.submission.sources.get(task.module) if task.module else None
        error = StudentCodeError(failure.kind, student_message(task, failure, source), where=failure.where,
                                 during=failure.during, details=failure.traceback)
        # the grader's own fault: what went wrong goes to the staff's details, never to the student
        raise error from (GraderFault(failure.message) if failure.kind is ErrorKind.INTERNAL else None)

    def _call_uncached(self, task: TaskSpec, function: str, kwargs: dict[str, Any]) -> dict:
        module = task.module
        if module in self.submission.rejected:
            return Failure(ErrorKind.UNREADABLE, message=self.submission.rejected[module]).to_wire()
        if module not in self.submission.sources:
            return Failure(ErrorKind.MISSING_MODULE, message=missing_code_message(task)).to_wire()
        if self.worker is None:
            raise RuntimeError("a probe was called but no worker was started")
        timeout = task.call_timeout * self.timeout_scale
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                return Failure(ErrorKind.TIMEOUT, during=function, message="hit the time limit for the whole "
                               "submission (its code ran too long)").to_wire()
            timeout = min(timeout, left)
        if task.id in self._failed_imports:
            return self._failed_imports[task.id]
        reply = self.worker.call(self._task_session(task), function, kwargs, timeout)
        if reply.get("status") != "ok" and reply.get("during") == "import":
            self._failed_imports[task.id] = reply  # kept here, never in the worker
        return reply

    def _task_session(self, task: TaskSpec) -> TaskSession:
        folder = self._staged_folder()
        return TaskSession(
            key=f"{folder.name}/{task.id}", task=task.id,
            probe_path=str(self.worker.stage.add_probe(task.id, task.probe_file)),
            module_name=task.module, module_path=str(folder / task.filename),
            filename=self.submission.sources[task.module].origin, names=task.names,
            sys_path=(str(folder),), student_files=tuple(str(folder / name) for name in self._staged_names()),
            load_timeout=task.load_timeout * self.timeout_scale, call_timeout=task.call_timeout * self.timeout_scale,
            memory_mb=task.memory_mb, seed=0)

    def _staged_folder(self):
        if self._folder is None:
            files = dict(self.submission.extra_files)
            for module, source in self.submission.sources.items():
                files[f"{module}.py"] = source.text.encode("utf-8")
            self._folder = self.worker.stage.add_submission(files)
        return self._folder

    def _staged_names(self) -> list[str]:
        return [*self.submission.extra_files, *(f"{m}.py" for m in self.submission.sources)]

    def answer(self, task: TaskSpec, key: str) -> Any:
        """The student's answer ``taskNN.key``; MissingAnswer when absent or empty."""
        answers = self.submission.answers
        if answers is None:
            raise MissingAnswer(f"{task.id}.{key} is unanswered: {self.submission.answers_problem}")
        section = answers.get(task.id)
        value = section.get(key) if isinstance(section, dict) else None
        if value is None or (isinstance(value, (str, list, dict)) and not value):
            raise MissingAnswer(f"{ANSWERS_FILE} has no answer for {task.id}.{key}")
        return value


def needs_worker(submission: Submission, tasks: tuple[TaskSpec, ...]) -> bool:
    """Whether any of ``tasks`` has the submission's code to run (else no worker is needed)."""
    return any(task.module in submission.sources for task in tasks)
