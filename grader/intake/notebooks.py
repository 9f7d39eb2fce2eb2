"""Turning a Jupyter/Colab notebook into task modules, without running anything.

A code cell belongs to task module ``taskNN`` when its metadata ``tags`` hold ``taskNN``
or its first line (after shell and magic lines) is a tag comment such as ``# taskNN``,
``# Task NN`` or a Colab ``#@title Task NN`` (``grader.intake.cell_tags``); a cell that
only looks tagged gives a hint instead. The cells of one module, in notebook order,
form its source. Shell and magic lines (``!pip ...``, ``%matplotlib ...``) are blanked
(line numbers stay true); outputs are never read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from grader.intake.cell_tags import metadata_tag, source_tag
from grader.intake.notebook_errors import json_problem, nbformat_problem
from grader.text import clean, utf8_text

MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024
MAX_CELL_CHARS = 200_000
MAX_HINTS = 20
PYTHON_CELL_MAGICS = ("%%capture", "%%time", "%%timeit")


class NotebookError(Exception):
    """The notebook cannot be read; the message names the file (and line, for bad JSON)."""


@dataclass(frozen=True)
class TaggedCell:
    """A code cell that belongs to a task module: its 1-based number, tag and Python text."""

    number: int
    tag: str
    text: str


def tagged_cells(data: bytes, filename: str) -> list[TaggedCell]:
    """Every code cell carrying a ``taskNN`` tag, in notebook order, magics blanked."""
    return read_cells(data, filename)[0]


def read_cells(data: bytes, filename: str) -> tuple[list[TaggedCell], list[str]]:
    """The tagged code cells, and a hint for each cell that only looks tagged."""
    notebook = _parse(data, filename)
    cells, hints = [], []
    for number, cell in enumerate(notebook.cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = clean(cell_source(cell))  # a JSON "\ud800" escape cannot be written out as UTF-8
        if len(source) > MAX_CELL_CHARS:
            raise NotebookError(f"{filename}, cell {number}: the cell is larger than "
                                f"{MAX_CELL_CHARS:,} characters")
        tag, hint = _tag_and_hint(cell, source)
        if tag:
            cells.append(TaggedCell(number, tag, python_only(source)))
        elif hint and len(hints) < MAX_HINTS:
            hints.append(f"{filename}, cell {number} {hint}")
    return cells, hints


def join_cells(cells: list[TaggedCell]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Module text from cells, and (first line, cell number) for each cell's lines."""
    lines: list[str] = []
    spans = []
    for cell in sorted(cells, key=lambda item: item.number):
        spans.append((len(lines) + 1, cell.number))
        lines += cell.text.rstrip("\n").split("\n") + [""]
    return "\n".join(lines) + "\n", tuple(spans)


def cell_source(cell: dict) -> str:
    """A cell's source as one string, whatever shape a hand-edited file gave it."""
    source = cell.get("source", "")
    if isinstance(source, list):
        source = "".join(part for part in source if isinstance(part, str))
    return source if isinstance(source, str) else ""


def cell_tag(cell: dict) -> str | None:
    """The ``taskNN`` a cell is tagged for, by its metadata or its first line; None if untagged."""
    return _tag_and_hint(cell, cell_source(cell))[0]


def _tag_and_hint(cell: dict, source: str) -> tuple[str | None, str | None]:
    metadata = cell.get("metadata")
    tag = metadata_tag(metadata.get("tags") if isinstance(metadata, dict) else None)
    return (tag, None) if tag else source_tag(source)


def python_only(source: str) -> str:
    """Blank shell (``!``) and magic (``%``) lines; drop cells that a cell magic makes non-Python."""
    lines = source.splitlines()
    first = next((line.strip() for line in lines if line.strip()), "")
    if first.startswith("%%") and not first.startswith(PYTHON_CELL_MAGICS):
        return "\n".join([""] * len(lines))
    return "\n".join("" if line.lstrip().startswith(("!", "%")) else line for line in lines)


def _parse(data: bytes, filename: str):
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise NotebookError(f"{filename} is larger than {MAX_NOTEBOOK_BYTES // (1024 * 1024)} MiB")
    text = utf8_text(data, filename, NotebookError)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotebookError(json_problem(filename, text, exc)) from None
    except RecursionError:
        raise NotebookError(f"{filename}: nested too deeply to be a notebook") from None
    if not isinstance(raw, dict) or "cells" not in raw and "worksheets" not in raw:
        raise NotebookError(f"{filename}: not a Jupyter notebook (no cells)")
    try:
        import nbformat  # 0.1 s to import: only when there is a notebook

        notebook = nbformat.reads(text, as_version=4, capture_validation_error={})
    except Exception as exc:  # nbformat raises many kinds for malformed documents
        raise NotebookError(nbformat_problem(filename, exc)) from None
    if not isinstance(notebook.get("cells"), list):
        raise NotebookError(f"{filename}: not a Jupyter notebook (no cells)")
    return notebook
