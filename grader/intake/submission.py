"""Reading a submission (folder, .zip or .ipynb) into a ``Submission`` without running it.

Bad input never stops grading: an unreadable file is recorded as a problem that names
the file (and line), and only the tasks that need that file lose points. Files are read
through ``grader.intake.student_files``: regular files only, never through a link, bounded. A ``.py``
module wins over notebook cells for the same task; the report says which was graded.
"""

from __future__ import annotations

import re
import tempfile
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterator

from grader.catalog import Catalog
from grader.domain import SourceFile, Submission
from grader.intake.answers import MAX_ANSWERS_BYTES, AnswersError, parse_answers
from grader.intake.answers_lint import lint_answers
from grader.intake.archives import ArchiveError, extract_zip
from grader.intake.nested import ignored, misplaced_files
from grader.intake.notebooks import MAX_NOTEBOOK_BYTES, NotebookError, TaggedCell, join_cells, read_cells
from grader.intake.student_files import Entry, StudentFolder, UnsafeFile, refusal, truncation
from grader.text import display_name, safe_id, utf8_text

MAX_SOURCE_BYTES = 2 * 1024 * 1024
MAX_HELPERS = 200
MAX_HELPER_BYTES = 16 * 1024 * 1024
ANSWERS_FILE = "answers.yaml"
_CODING_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


class SubmissionError(Exception):
    """The path is not a submission at all (not found, or not a folder, .zip or .ipynb)."""


class SourceError(Exception):
    """A source file is not text Python can read as UTF-8."""


def read_submission(path: Path, catalog: Catalog, submission_id: str | None = None) -> Submission:
    path = Path(path)
    if not path.exists():
        raise SubmissionError(f"{display_name(str(path))}: no such file or folder")
    identifier = submission_id or safe_id(path.stem if path.is_file() else path.resolve().name)
    try:
        with _as_folder(path) as (folder, problems):
            return _read_folder(folder, catalog, identifier, path, problems)
    except UnsafeFile as exc:  # the folder itself cannot be opened or listed
        raise SubmissionError(str(exc)) from None


@contextmanager
def _as_folder(path: Path) -> Iterator[tuple[StudentFolder, list[str]]]:
    """The folder to read: the path itself, an extracted archive, or one holding a notebook."""
    if path.is_dir():
        with ExitStack() as stack:
            yield _unwrap(stack.enter_context(StudentFolder.open(path)), stack), []
        return
    suffix = path.suffix.lower()
    if suffix not in (".zip", ".ipynb"):
        raise SubmissionError(f"{display_name(str(path))}: expected a folder, a .zip archive or a .ipynb notebook")
    with tempfile.TemporaryDirectory(prefix="grader-submission-") as temporary, ExitStack() as stack:
        folder, problems = Path(temporary), []
        if suffix == ".ipynb":
            with open(path, "rb") as notebook:  # named by staff; bounded all the same
                (folder / path.name).write_bytes(notebook.read(MAX_NOTEBOOK_BYTES + 1))
        else:
            try:
                problems += extract_zip(path, folder)
            except ArchiveError as exc:
                problems.append(str(exc))
        yield _unwrap(stack.enter_context(StudentFolder.open(folder)), stack), problems


def _unwrap(folder: StudentFolder, stack: ExitStack) -> StudentFolder:
    """Descend into a lone top folder (how most zips and exports are made), never through a link."""
    entries = [entry for entry in folder.entries() if not ignored(entry.name)]
    if len(entries) == 1 and entries[0].kind == "folder":
        return _unwrap(stack.enter_context(folder.folder(entries[0])), stack)
    return folder


def _read_folder(folder: StudentFolder, catalog: Catalog, identifier: str, original: Path,
                 problems: list[str]) -> Submission:
    entries = [entry for entry in folder.entries() if not ignored(entry.name)]
    problems += truncation(folder)
    files = {entry.name: entry for entry in entries if entry.kind == "file"}
    refused = {entry.name: refusal(entry, folder.label) for entry in entries if entry.kind in ("link", "other")}
    problems += refused.values()
    sources: dict[str, SourceFile] = {}
    rejected: dict[str, str] = {}
    modules = sorted({task.module for task in catalog.tasks if task.module})
    for module in modules:
        name = f"{module}.py"
        if name in refused:
            rejected[module] = refused[name]
        elif name in files:
            try:
                text = decode_source(folder.read(files[name], MAX_SOURCE_BYTES), name)
                sources[module] = SourceFile(module, text, name)
            except (SourceError, UnsafeFile) as exc:
                rejected[module] = str(exc)
                problems.append(str(exc))
    hints: list[str] = []
    notebook_sources = _notebook_sources(folder, files, catalog, problems, hints)
    for module, source in notebook_sources.items():
        if module not in sources and module not in rejected:
            sources[module] = source
        elif module in sources:
            problems.append(f"{module}.py and notebook cells both hold {module}: graded {module}.py")
    answers, answers_problem, warnings = _answers(folder, files, refused, problems, catalog)
    problems += misplaced_files(folder, {f"{module}.py" for module in modules} | {ANSWERS_FILE})
    helpers = _helper_modules(folder, files, set(modules), problems)
    return Submission(id=identifier, path=original, sources=sources, extra_files=helpers,
                      answers=answers, answers_problem=answers_problem, problems=tuple(problems),
                      rejected=rejected, answers_warnings=warnings, warnings=tuple(hints))


def _answers(folder: StudentFolder, files: dict[str, Entry], refused: dict[str, str],
             problems: list[str], catalog: Catalog) -> tuple[dict | None, str | None, tuple[str, ...]]:
    """The parsed answers.yaml (or None and the reason there are none), and its lint warnings."""
    if ANSWERS_FILE in refused:
        return None, refused[ANSWERS_FILE], ()
    if ANSWERS_FILE not in files:
        return None, f"no {ANSWERS_FILE} in the submission", ()
    try:
        data = folder.read(files[ANSWERS_FILE], MAX_ANSWERS_BYTES)
        return parse_answers(data, ANSWERS_FILE), None, lint_answers(data, catalog, ANSWERS_FILE)
    except (AnswersError, UnsafeFile) as exc:
        problems.append(str(exc))
        return None, str(exc), ()


def _notebook_sources(folder: StudentFolder, files: dict[str, Entry], catalog: Catalog,
                      problems: list[str], hints: list[str]) -> dict[str, SourceFile]:
    """Module sources from every notebook; the first notebook (by name) holding a module wins.

    Cells that only look tagged are named in ``hints``."""
    module_of_tag = _module_of_tag(catalog)
    found: dict[str, SourceFile] = {}
    for entry in files.values():
        if not entry.name.lower().endswith(".ipynb"):
            continue
        name = entry.shown
        try:
            cells, notebook_hints = read_cells(folder.read(entry, MAX_NOTEBOOK_BYTES), name)
        except (NotebookError, UnsafeFile) as exc:
            problems.append(str(exc))
            continue
        hints += notebook_hints
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
            label = "cells" if len(spans) > 1 else "cell"
            found[module] = SourceFile(module, text, f"{name}, {label} {numbers}", notebook=name,
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
    return utf8_text(data, filename, SourceError, "; save the file as UTF-8")


def _helper_modules(folder: StudentFolder, files: dict[str, Entry], task_modules: set[str],
                    problems: list[str]) -> dict[str, bytes]:
    """Other top-level .py files, so a task module may import a helper of the student's.

    Only importable names (``helpers.py``, not ``my helpers.py``), each at most
    MAX_SOURCE_BYTES, at most MAX_HELPERS of them and MAX_HELPER_BYTES in all: the
    sandbox's copy is bounded like everything else, and what is left out is named.
    """
    helpers, budget, left_out = {}, MAX_HELPER_BYTES, []
    for name, entry in files.items():
        if not name.endswith(".py") or name[:-3] in task_modules or not name[:-3].isidentifier():
            continue
        if len(helpers) >= MAX_HELPERS or entry.size > budget:
            left_out.append(entry.shown)
            continue
        try:
            helpers[name] = folder.read(entry, MAX_SOURCE_BYTES)
            budget -= len(helpers[name])
        except UnsafeFile as exc:
            problems.append(str(exc))
    if left_out:
        more = f" and {len(left_out) - 3} more" if len(left_out) > 3 else ""
        problems.append(f"{len(left_out)} helper module(s) were not read ({', '.join(left_out[:3])}{more}): at "
                        f"most {MAX_HELPERS} helpers and {MAX_HELPER_BYTES // (1024 * 1024)} MiB in all are read")
    return helpers
