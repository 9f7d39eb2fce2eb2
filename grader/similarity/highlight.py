"""A document's text cut into numbered lines of plain and marked pieces, for a template to escape.

Nothing here builds markup: each piece is plain text and the template (autoescaping) wraps
a marked piece in ``<mark>``, so student text can never open or close a tag. Spans come
from an engine and are not trusted to be sorted, disjoint or inside the text: they are
clipped to it and merged first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from grader.outputs.escape import visible
from grader.similarity.model import merge_spans
from grader.text import clean

# What a person must see as an escape rather than have it act: C0 controls but tab and
# newline, DEL, C1 controls, and the bidi embeddings, overrides and isolates that can make
# code read differently from what it is.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Piece:
    text: str
    span: int | None = None   # index of the merged span it belongs to, None when not matched


@dataclass(frozen=True)
class Line:
    number: int
    pieces: tuple[Piece, ...]


def shown(text: str) -> str:
    """Text as a page shows it: control and bidi characters as their escapes (``\\x1b``)."""
    return _HIDDEN.sub(lambda match: visible(match.group()), clean(text))


def _cuts(text: str, spans: list[tuple[int, int]]) -> list[Piece]:
    """The whole text as consecutive pieces, cut at every span boundary."""
    pieces, position = [], 0
    for index, (start, end) in enumerate(spans):
        if start > position:
            pieces.append(Piece(text[position:start]))
        pieces.append(Piece(text[start:end], index))
        position = end
    if position < len(text):
        pieces.append(Piece(text[position:]))
    return pieces


def numbered_lines(text: str, spans) -> list[Line]:
    """Lines numbered from 1, each a tuple of pieces; a marked run over a line break is cut there."""
    lines: list[list[Piece]] = [[]]
    end = 0
    for piece in _cuts(text, merge_spans(spans, len(text))):
        end += len(piece.text)
        parts = piece.text.split("\n")
        for number, part in enumerate(parts):
            if number:
                lines.append([])
            line_ends = number < len(parts) - 1 or text.startswith("\n", end)
            if part.endswith("\r") and line_ends:  # a CRLF file's line end, not text to show
                part = part[:-1]
            if part:
                lines[-1].append(Piece(shown(part), piece.span))
    if len(lines) > 1 and not lines[-1] and text.endswith("\n"):
        lines.pop()  # the empty "line" after a final newline
    return [Line(number, tuple(pieces)) for number, pieces in enumerate(lines, start=1)]
