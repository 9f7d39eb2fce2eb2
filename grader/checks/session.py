"""What the checks of one submission can ask for: probe observations and answers.

Probe calls go to the sandboxed worker; their replies are cached per submission, so
several checks can read one observation without running the student's code again.
"""

from __future__ import annotations

import json
import time
from typing import Any

from grader.domain import Submission, TaskSpec
from grader.sandbox.client import WorkerClient, WorkerError
from grader.sandbox.stage import Stage
from grader.testing import MissingAnswer, StudentCodeError

ANSWERS_FILE = "answers.yaml"


class GradingSession:
    """Binds one submission to a worker for the duration of its checks."""

    def __init__(self, submission: Submission, worker: WorkerClient | None, stage: Stage | None,
                 timeout_scale: float = 1.0, deadline: float | None = None):
        self.submission = submission
        self.timeout_scale = timeout_scale
        self.deadline = deadline
        self.worker = worker
        self.stage = stage
        self._folder = None
        self._cache: dict[str, Any] = {}
        self._failed_imports: dict[str, dict] = {}  # task id -> the import's failure, answered once
        self.fatal: WorkerError | None = None  # the worker cannot run at all: abort grading
        self.calls: list[dict[str, Any]] = []   # each probe call with its wall time (for staff)

    def needs_worker(self, tasks: tuple[TaskSpec, ...]) -> bool:
        return any(task.module in self.submission.sources for task in tasks)

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
        raise StudentCodeError(reply.get("kind", "exception"), _student_message(task, reply),
                               where=reply.get("where"), during=reply.get("during"),
                               details=reply.get("traceback", ""))

    def _call_uncached(self, task: TaskSpec, function: str, kwargs: dict[str, Any]) -> dict:
        module = task.module
        if module in self.submission.rejected:
            return {"status": "error", "kind": "unreadable", "message": self.submission.rejected[module]}
        source = self.submission.sources.get(module)
        if source is None:
            return {"status": "error", "kind": "missing_module", "message": missing_code_message(task)}
        if self.worker is None or self.stage is None:
            raise RuntimeError("a probe was called but no worker was started")
        timeout = task.call_timeout * self.timeout_scale
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                return {"status": "error", "kind": "timeout", "during": function,
                        "message": "hit the time limit for the whole submission (its code ran too long)"}
            timeout = min(timeout, left)
        if task.id in self._failed_imports:
            return self._failed_imports[task.id]
        reply = self.worker.call(self._worker_session(task), function, kwargs, timeout)
        if reply.get("status") != "ok" and reply.get("during") == "import":
            self._failed_imports[task.id] = reply  # kept here, never in the worker
        return reply

    def _worker_session(self, task: TaskSpec) -> dict[str, Any]:
        assert self.stage is not None
        folder = self._staged_folder()
        source = self.submission.sources[task.module]
        return {
            "key": f"{folder.name}/{task.id}",
            "task": task.id,
            "probe_path": str(self.stage.add_probe(task.id, task.probe_file)),
            "module_name": task.module,
            "module_path": str(folder / task.filename),
            "filename": source.origin,
            "names": list(task.names),
            "sys_path": [str(folder)],
            "student_files": [str(folder / name) for name in self._staged_names()],
            "load_timeout": task.load_timeout * self.timeout_scale,
            "call_timeout": task.call_timeout * self.timeout_scale,
            "memory_mb": task.memory_mb,
            "seed": 0,
        }

    def _staged_folder(self):
        if self._folder is None:
            assert self.stage is not None
            files = dict(self.submission.extra_files)
            for module, source in self.submission.sources.items():
                files[f"{module}.py"] = source.text.encode("utf-8")
            self._folder = self.stage.add_submission(files)
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


def missing_code_message(task: TaskSpec) -> str:
    return (f"No code for {task.id}: expected {task.filename} in the submission "
            f"or notebook cells tagged `{task.module_tag}`.")


def _student_message(task: TaskSpec, reply: dict) -> str:
    kind, message = reply.get("kind"), reply.get("message", "")
    during, where = reply.get("during"), reply.get("where")
    at = f" ({where})" if where else ""
    if kind in ("missing_module", "missing_name", "unreadable", "contract"):
        return message
    if kind == "not_implemented":
        return f"Not implemented yet: {task.filename} raises NotImplementedError{at}."
    if kind == "timeout":
        if during == "import":
            return f"Importing {task.filename} {message}: look for an endless loop at module level."
        return f"Your code {message} while the grader ran `{during}`: look for an endless loop."
    if kind == "exit":
        return f"Your code called sys.exit() while the grader ran `{during}`{at}."
    if kind == "interfered":
        return (f"{message[0].upper()}{message[1:]} while the grader ran `{during or 'a check'}`: "
                "it was stopped, and this task cannot be graded.")
    if kind in ("crashed", "worker_lost"):
        return (f"{message[0].upper()}{message[1:]} while the grader ran `{during or 'a check'}`: "
                "os._exit, a crash or running out of memory.")
    if during == "import":
        return f"Importing {task.filename} failed{at}: {message}"
    return f"Your code raised {message}{at}"
