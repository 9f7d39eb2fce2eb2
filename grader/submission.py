"""Reading a submission (folder, .zip or .ipynb) into a ``Submission`` without running it.

Bad input never stops grading: an unreadable file is recorded as a problem that names
the file (and line), and only the tasks that need that file lose points. A ``.py``
module wins over notebook cells for the same task; the report says which was graded.
"""

from __future__ import annotations

import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from grader.answers import AnswersError, parse_answers
from grader.archives import ArchiveError, extract_zip
from grader.catalog import Catalog
from grader.domain import SourceFile, Submission
from grader.notebooks import NotebookError, TaggedCell, join_cells, tagged_cells

MAX_SOURCE_BYTES = 2 * 1024 * 1024
ANSWERS_FILE = "answers.yaml"
IGNORED_DIRS = {"__MACOSX", ".git", ".github", ".ipynb_checkpoints", "__pycache__"}
_CODING_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


class SubmissionError(Exception):
    """The path is not a submission at all (not found, or not a folder, .zip or .ipynb)."""


class SourceError(Exception):
    """A source file is not text Python can read as UTF-8."""


def read_submission(path: Path, catalog: Catalog, submission_id: str | None = None) -> Submission:
    path = Path(path)
    if not path.exists():
        raise SubmissionError(f"{path}: no such file or folder")
    identifier = submission_id or (path.stem if path.is_file() else path.resolve().name)
    with _as_folder(path) as (folder, problems):
        return _read_folder(folder, catalog, identifier, path, problems)


@contextmanager
def _as_folder(path: Path) -> Iterator[tuple[Path, list[str]]]:
    """The folder to read: the path itself, an extracted archive, or one holding a notebook."""
    if path.is_dir():
        yield _unwrap(path), []
        return
    suffix = path.suffix.lower()
    if suffix not in (".zip", ".ipynb"):
        raise SubmissionError(f"{path}: expected a folder, a .zip archive or a .ipynb notebook")
    with tempfile.TemporaryDirectory(prefix="grader-submission-") as temporary:
        folder, problems = Path(temporary), []
        if suffix == ".ipynb":
            (folder / path.name).write_bytes(path.read_bytes())
        else:
            try:
                problems += extract_zip(path, folder)
            except ArchiveError as exc:
                problems.append(str(exc))
        yield _unwrap(folder), problems


def _unwrap(folder: Path) -> Path:
    """Descend into a lone top folder (how most zips and exports are made)."""
    entries = [entry for entry in folder.iterdir() if entry.name not in IGNORED_DIRS]
    if len(entries) == 1 and entries[0].is_dir():
        return _unwrap(entries[0])
    return folder


def _read_folder(folder: Path, catalog: Catalog, identifier: str, original: Path,
                 problems: list[str]) -> Submission:
    files = {entry.name: entry for entry in sorted(folder.iterdir()) if entry.is_file()}
    sources: dict[str, SourceFile] = {}
    rejected: dict[str, str] = {}
    modules = sorted({task.module for task in catalog.tasks if task.module})
    for module in modules:
        if f"{module}.py" in files:
            try:
                text = decode_source(files[f"{module}.py"].read_bytes(), f"{module}.py")
                sources[module] = SourceFile(module, text, f"{module}.py")
            except SourceError as exc:
                rejected[module] = str(exc)
                problems.append(str(exc))
    notebook_sources = _notebook_sources(files, catalog, problems)
    for module, source in notebook_sources.items():
        if module not in sources and module not in rejected:
            sources[module] = source
        elif module in sources:
            problems.append(f"{module}.py and notebook cells both hold {module}: graded {module}.py")
    answers, answers_problem = None, f"no {ANSWERS_FILE} in the submission"
    if ANSWERS_FILE in files:
        try:
            answers, answers_problem = parse_answers(files[ANSWERS_FILE].read_bytes(), ANSWERS_FILE), None
        except AnswersError as exc:
            answers_problem = str(exc)
            problems.append(answers_problem)
    helpers = _helper_modules(files, set(modules))
    return Submission(id=identifier, path=original, sources=sources, extra_files=helpers,
                      answers=answers, answers_problem=answers_problem, problems=tuple(problems),
                      rejected=rejected)


def _notebook_sources(files: dict[str, Path], catalog: Catalog, problems: list[str]) -> dict[str, SourceFile]:
    """Module sources from every notebook; the first notebook (by name) holding a module wins."""
    module_of_tag = _module_of_tag(catalog)
    found: dict[str, SourceFile] = {}
    for name, entry in files.items():
        if not name.lower().endswith(".ipynb"):
            continue
        try:
            cells = tagged_cells(entry.read_bytes(), name)
        except NotebookError as exc:
            problems.append(str(exc))
            continue
        by_module: dict[str, list[TaggedCell]] = {}
        for cell in cells:
            if cell.tag in module_of_tag:
                by_module.setdefault(module_of_tag[cell.tag], []).append(cell)
            else:
                problems.append(f"{name}, cell {cell.number}: tagged {cell.tag}, which has no code (ignored)")
        for module, module_cells in by_module.items():
            if module in found:
                problems.append(f"cells for {module} are in {found[module].notebook} and {name}: "
                                "graded the first")
                continue
            text, spans = join_cells(module_cells)
            numbers = ", ".join(str(cell) for _, cell in spans)
            found[module] = SourceFile(module, text, f"{name}, cells {numbers}", notebook=name,
                                       cell_spans=spans)
    return found


def _module_of_tag(catalog: Catalog) -> dict[str, str]:
    """'task13' -> 'task13_pipeline'; also quiz aliases such as 'task54' -> 'task06_backprop'."""
    mapping = {}
    for task in catalog.tasks:
        if task.module:
            mapping[task.module_tag] = task.module
    for task in catalog.tasks:
        if task.module:
            mapping.setdefault(task.id, task.module)
    return mapping


def decode_source(data: bytes, filename: str) -> str:
    """Decode student source as UTF-8 (a BOM is fine); refuse anything else with file and line."""
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"{filename} is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MiB")
    for number, line in enumerate(data.splitlines()[:2], start=1):
        cookie = _CODING_COOKIE.match(line)
        encoding = cookie.group(1).decode("ascii", "replace") if cookie else None
        if encoding and encoding.lower().replace("_", "-") not in ("utf-8", "utf8", "utf-8-sig"):
            raise SourceError(f"{filename}, line {number}: only UTF-8 source is accepted "
                              f"(found a '{encoding}' coding cookie)")
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
