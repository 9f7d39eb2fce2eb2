"""The pytest plugin that turns task test files into graded checks.

It registers the ``points`` and ``visibility`` markers (``--strict-markers`` makes a typo
fail), provides the ``probe`` and ``answers`` fixtures, and records each check's outcome
as a ``CheckResult``. It never scores: ``grader.checks.scoring`` does that from the records.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from grader.checks.session import GradingSession
from grader.domain import CheckResult, TaskSpec
from grader.testing import BadAnswer, MissingAnswer, NotJudged, StudentCodeError

VISIBILITY_BY_FILE = {"test_public.py": "public", "test_hidden.py": "hidden"}
INTERNAL_ERROR = "The grader could not run this check (an error in the check itself); staff have the details."


class GradingPlugin:
    def __init__(self, tasks: tuple[TaskSpec, ...], session: GradingSession):
        self.session = session
        self.tasks_by_folder = {task.folder.resolve(): task for task in tasks}
        self.results: dict[str, CheckResult] = {}
        self.collection_errors: list[str] = []
        self._started: dict[str, float] = {}

    def pytest_configure(self, config: pytest.Config) -> None:
        config.addinivalue_line("markers", "points(n): how many points the check is worth")
        config.addinivalue_line("markers", "visibility(level): 'public' or 'hidden'; must match the file")

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.collection_errors.append(f"{report.nodeid}: {report.longreprtext}")

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        problems = [problem for item in items if (problem := self._validate(item))]
        if problems:  # the catalog is broken: run nothing, the engine reports the problems
            self.collection_errors.extend(problems)
            items[:] = []

    def _validate(self, item: pytest.Item) -> str | None:
        points = list(item.iter_markers("points"))
        if len(points) != 1 or len(points[0].args) != 1 or not float(points[0].args[0]) > 0:
            return f"{item.nodeid}: needs exactly one @pytest.mark.points(n) with n > 0"
        declared = [m.args[0] for m in item.iter_markers("visibility") if m.args]
        if declared and declared != [visibility_of(item)]:
            return f"{item.nodeid}: visibility {declared} contradicts its file {item.path.name}"
        if self.task_of(item) is None:
            return f"{item.nodeid}: not inside a task folder of the catalog"
        return None

    def task_of(self, item: pytest.Item) -> TaskSpec | None:
        return self.tasks_by_folder.get(Path(item.path).resolve().parent)

    @pytest.fixture
    def probe(self, request: pytest.FixtureRequest) -> "ProbeProxy":
        """Calls into the task's probe.py, run beside the student's code in the worker."""
        return ProbeProxy(self.session, self.task_of(request.node))

    @pytest.fixture
    def answers(self, request: pytest.FixtureRequest) -> "TaskAnswers":
        """The student's answers.yaml entries for this task."""
        return TaskAnswers(self.session, self.task_of(request.node))

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        self._started[item.nodeid] = time.perf_counter()

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        outcome = yield
        report = outcome.get_result()
        if report.when == "call" or (report.when == "setup" and not report.passed):
            duration = time.perf_counter() - self._started.get(item.nodeid, time.perf_counter())
            self.results[item.nodeid] = self._record(item, call, report, duration)

    def _record(self, item: pytest.Item, call: pytest.CallInfo, report: pytest.TestReport,
                duration: float) -> CheckResult:
        task = self.task_of(item)
        max_points = float(item.get_closest_marker("points").args[0])
        exc = call.excinfo.value if call.excinfo else None
        status, feedback, missing = classify(exc, report)
        return CheckResult(
            task_id=task.id, id=item.name, name=check_name(item), status=status,
            points=max_points if status == "passed" else 0.0, max_points=max_points,
            visibility=visibility_of(item), feedback=feedback,
            details="" if report.passed else report.longreprtext[-6000:],
            missing=missing, duration=round(duration, 4),
            blocked_by=exc.because if isinstance(exc, NotJudged) else "",
            part="answers" if "answers" in getattr(item, "fixturenames", ()) else "code")


def classify(exc: BaseException | None, report: pytest.TestReport) -> tuple[str, str, bool]:
    """(status, feedback, missing) for a check from the exception that ended it."""
    if report.passed:
        return "passed", "", False
    if isinstance(exc, StudentCodeError):
        return ("failed" if exc.is_failure else "error"), exc.message, exc.missing
    if isinstance(exc, NotJudged):
        return "not_judged", exc.message, False
    if isinstance(exc, MissingAnswer):
        return "failed", str(exc), True
    if isinstance(exc, BadAnswer):
        return "failed", f"Could not read your answer: {exc}", False
    if isinstance(exc, AssertionError):
        return "failed", assertion_feedback(exc), False
    return "error", INTERNAL_ERROR, False


def assertion_feedback(exc: AssertionError) -> str:
    """The author's message of ``assert cond, message`` without pytest's introspection."""
    text = str(exc.args[0]) if exc.args else ""
    message = text.split("\nassert ", 1)[0].strip()
    if not message or message.startswith("assert "):
        return "This check failed."
    return message


def check_name(item: pytest.Item) -> str:
    function = getattr(item, "function", None)
    doc = (getattr(function, "__doc__", None) or "").strip().splitlines()
    base = doc[0].strip().rstrip(".") if doc else item.originalname.removeprefix("test_").replace("_", " ")
    callspec = getattr(item, "callspec", None)
    return f"{base} [{callspec.id}]" if callspec else base


def visibility_of(item: pytest.Item) -> str:
    return VISIBILITY_BY_FILE.get(Path(item.path).name, "hidden")


class ProbeProxy:
    """``probe.layer_table(seed=0)`` runs ``layer_table(student, seed=0)`` in the worker."""

    def __init__(self, session: GradingSession, task: TaskSpec):
        self._session, self._task = session, task

    def __getattr__(self, function: str):
        if function.startswith("_"):
            raise AttributeError(function)

        def call(**kwargs: Any) -> Any:
            return self._session.call(self._task, function, kwargs)

        return call


class TaskAnswers:
    """``answers["params_per_layer"]`` reads ``task29.params_per_layer`` from answers.yaml."""

    def __init__(self, session: GradingSession, task: TaskSpec):
        self._session, self._task = session, task

    def __getitem__(self, key: str) -> Any:
        if key not in self._task.answer_keys:
            raise KeyError(f"{self._task.id} does not declare the answer key {key!r} in task.toml")
        return self._session.answer(self._task, key)
