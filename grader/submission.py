"""Reading a submission folder into a ``Submission`` without running any of it.

Bad input never stops grading: an unreadable file is recorded as a problem that names
the file (and line), and only the tasks that need that file lose points.
"""

from __future__ import annotations

import re
from pathlib import Path

from grader.answers import AnswersError, parse_answers
from grader.catalog import Catalog
from grader.domain import SourceFile, Submission

MAX_SOURCE_BYTES = 2 * 1024 * 1024
ANSWERS_FILE = "answers.yaml"
_CODING_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


class SubmissionError(Exception):
    """The path is not a submission at all (not found, not a folder or known file)."""


def read_submission(path: Path, catalog: Catalog, submission_id: str | None = None) -> Submission:
    path = Path(path)
    if not path.exists():
        raise SubmissionError(f"{path}: no such file or folder")
    if not path.is_dir():
        raise SubmissionError(f"{path}: expected a folder with taskNN_*.py files and answers.yaml")
    files = {entry.name: entry for entry in sorted(path.iterdir()) if entry.is_file()}
    problems: list[str] = []
    sources: dict[str, SourceFile] = {}
    rejected: dict[str, str] = {}
    for module in sorted({task.module for task in catalog.tasks if task.module}):
        entry = files.get(f"{module}.py")
        if entry is None:
            continue
        try:
            sources[module] = SourceFile(module, decode_source(entry.read_bytes(), entry.name), entry.name)
        except SourceError as exc:
            rejected[module] = str(exc)
            problems.append(str(exc))
    helpers = _helper_modules(files, set(sources) | set(rejected))
    answers = None
    if ANSWERS_FILE in files:
        try:
            answers = parse_answers(files[ANSWERS_FILE].read_bytes(), ANSWERS_FILE)
        except AnswersError as exc:
            problems.append(str(exc))
    return Submission(id=submission_id or path.resolve().name, path=path, sources=sources,
                      extra_files=helpers, answers=answers, problems=tuple(problems),
                      rejected=rejected)


class SourceError(Exception):
    """A source file is not text Python can read as UTF-8."""


def decode_source(data: bytes, filename: str) -> str:
    """Decode student source as UTF-8 (a BOM is fine); refuse anything else with file and line."""
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"{filename} is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MiB")
    for number, line in enumerate(data.splitlines()[:2], start=1):
        cookie = _CODING_COOKIE.match(line)
        if cookie and cookie.group(1).lower().replace("_", "-") not in ("utf-8", "utf8", "utf-8-sig"):
            raise SourceError(f"{filename}, line {number}: only UTF-8 source is accepted "
                              f"(found a '{cookie.group(1).decode(errors='replace')}' coding cookie)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"{filename}, line {line}: not valid UTF-8 text; save the file as UTF-8") from None


def _helper_modules(files: dict[str, Path], task_modules: set[str]) -> dict[str, bytes]:
    """Other top-level .py files, so a task module may import a helper of the student's."""
    helpers = {}
    for name, entry in files.items():
        if name.endswith(".py") and name[:-3] not in task_modules and entry.stat().st_size <= MAX_SOURCE_BYTES:
            helpers[name] = entry.read_bytes()
    return helpers
