"""The grader's vocabulary: plain frozen records, no I/O.

``TaskSpec`` comes from a task's ``task.toml``; ``Submission`` from reading a student's
files; ``CheckResult`` from one pytest check; ``TaskScore`` and ``GradeRun`` from scoring.
Names avoid the ``Test`` prefix so pytest never mistakes them for tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

TASK_STATUSES = ("passed", "failed", "error", "missing", "incomplete", "pending_review")
PART_KINDS = ("code", "answers", "written")  # checks of the module, structured keys, free text
# answers.yaml key for a multi-part question answered in one block; also its check id and manual-scores part
BLOCK_KEY = "answer"
_WRITTEN_ID_PREFIX = "written:"  # a written part's check id is written:<part> (written:answer for a block)


def written_check_id(key: str) -> str:
    """The id of the check that stands for written part ``key`` (what reviews refer to)."""
    return f"{_WRITTEN_ID_PREFIX}{key}"


def written_key(identifier: str) -> str | None:
    """The written part (or block) a check id stands for; None for a check of anything else."""
    return identifier[len(_WRITTEN_ID_PREFIX):] if identifier.startswith(_WRITTEN_ID_PREFIX) else None


@dataclass(frozen=True)
class WrittenPart:
    """A free-text answer part, graded by a teaching assistant against ``rubric``.

    The question is public (students see it in the template); the rubric is staff-only
    and lives in ``rubric.toml``, which the student kit never contains.
    """

    key: str
    points: float
    question: str
    rubric: tuple[str, ...] = ()


@dataclass(frozen=True)
class StructuredAnswer:
    """An answers.yaml key that checks grade automatically (e.g. ``task29.params_per_layer``)."""

    key: str
    question: str


@dataclass(frozen=True)
class TaskSpec:
    """One quiz task as the catalog declares it."""

    id: str
    quiz_task: int
    title: str
    folder: Path
    module: str | None = None          # e.g. "task29_cnn" (file task29_cnn.py or cells tagged task29)
    module_tag: str | None = None      # the notebook tag naming that module, e.g. "task29"
    names: tuple[str, ...] = ()        # the names probes may read from the module
    answers: tuple[StructuredAnswer, ...] = ()  # structured answers.yaml keys the checks read
    written: tuple[WrittenPart, ...] = ()
    points: float = 0.0                # auto-graded points (sum of the checks' points)
    call_timeout: float = 60.0
    load_timeout: float = 60.0
    memory_mb: int = 4096               # address-space limit of the child running the task
    probe_folder: Path | None = None   # the task folder whose probe.py serves this task (None: its own)

    @property
    def answer_keys(self) -> tuple[str, ...]:
        return tuple(answer.key for answer in self.answers)

    @property
    def filename(self) -> str | None:
        return f"{self.module}.py" if self.module else None

    @property
    def probe_file(self) -> Path:
        return (self.probe_folder or self.folder) / "probe.py"


@dataclass(frozen=True)
class SourceFile:
    """Student source for one module, with where it came from (for messages)."""

    module: str
    text: str
    origin: str                       # e.g. "task29_cnn.py" or "homework.ipynb, cells 4, 6"
    notebook: str | None = None       # the notebook the cells came from
    cell_spans: tuple[tuple[int, int], ...] = ()  # (first module line, cell number)

    def location(self, line: int) -> str:
        """Where module line ``line`` is, as the student knows it: file or notebook cell."""
        if not self.notebook:
            return f"{self.module}.py, line {line}"
        first, cell = max((span for span in self.cell_spans if span[0] <= line), default=(1, 0))
        return f"{self.notebook}, cell {cell}, line {line - first + 1}"

    def localize(self, text: str) -> str:
        """Rewrite 'task13_pipeline.py, line 57' into notebook cell terms where needed."""
        if not self.notebook:
            return text
        pattern = re.compile(rf'(?:File ")?(?:[^\s"(]*/)?{re.escape(self.module)}\.py"?, line (\d+)')
        return pattern.sub(lambda match: self.location(int(match.group(1))), text)


@dataclass(frozen=True)
class Submission:
    """What a student handed in, read and validated without running any of it."""

    id: str
    path: Path
    sources: dict[str, SourceFile] = field(default_factory=dict)  # module name -> source
    extra_files: dict[str, bytes] = field(default_factory=dict)    # helper modules
    answers: dict | None = None                                   # parsed answers.yaml
    answers_problem: str | None = None                            # why there are no answers
    problems: tuple[str, ...] = ()                                # input errors, for the report
    rejected: dict[str, str] = field(default_factory=dict)        # module -> why it was refused
    answers_warnings: tuple[str, ...] = ()                        # answers.yaml keys the grader ignores
    warnings: tuple[str, ...] = ()                                # hints on the files (cells that look tagged)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check, as plain data."""

    task_id: str
    id: str                  # the test function, e.g. "test_total_parameters"
    name: str                # what a person reads, from the docstring
    status: str              # passed, failed, error, pending_review or not_judged
    points: float
    max_points: float
    visibility: str          # public or hidden
    feedback: str = ""
    details: str = ""        # staff only: assertion introspection, tracebacks
    missing: bool = False    # failed because the work is absent or not implemented
    duration: float = 0.0
    answer: str = ""         # a written part's text, for the teaching assistants' review
    blocked_by: str = ""     # not_judged: the failed check of the same task that stood in the way
    part: str = "code"       # PART_KINDS: what of the task the check grades
    covers: tuple[str, ...] = ()  # a written answer given in one block: the parts it stands for

    def localized(self, source: SourceFile | None) -> "CheckResult":
        """This result with code locations given as the student knows them (notebook cells)."""
        if source is None or not source.notebook:
            return self
        return replace(self, feedback=source.localize(self.feedback), details=source.localize(self.details))


@dataclass(frozen=True)
class PartScore:
    """How one part of a task (its code, structured answers or written parts) stands."""

    kind: str
    status: str
    headline: str            # e.g. "code: all checks passed", safe whatever the checks' visibility
    score: float
    max_score: float
    pending_max_score: float


@dataclass(frozen=True)
class TaskScore:
    """A task's checks and the score they add up to."""

    id: str
    quiz_task: int
    title: str
    score: float
    max_score: float
    pending_max_score: float
    status: str
    checks: tuple[CheckResult, ...]
    reason: str = ""     # one line a student reads first: why the task is not passed
    source: str = ""     # which file or notebook cells were graded
    parts: tuple[PartScore, ...] = ()  # the task's code, answers and written parts, each on its own


@dataclass(frozen=True)
class GradeRun:
    """A whole submission's result."""

    submission: str
    tasks: tuple[TaskScore, ...]
    score: float
    max_score: float
    pending_max_score: float
    duration: float = 0.0
    environment: dict = field(default_factory=dict)
    notices: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()       # harmless oddities a student may fix (answers.yaml lint)
    probe_calls: tuple[dict, ...] = ()   # what ran in the worker and for how long (staff)
    status: str = "graded"               # "error": the submission could not be graded at all
    error: str = ""                      # why, when status is "error"
