"""Written answers compared as sets of word shingles: copies and light paraphrases share
many three-word runs, independent answers to the same question share few.

Words are lower-cased runs of letters and digits, so punctuation, case and line breaks
never hide a copy. The question's own wording is boilerplate: students restate it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from grader.similarity.model import Spans

SHINGLE = 3              # words per shingle
MIN_SHARED = 4           # shingles two answers must share before a score means anything
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Shingled:
    """One text's shingles, each with the character span its words cover."""

    spans: dict[tuple[str, ...], list[tuple[int, int]]]

    @property
    def shingles(self) -> set[tuple[str, ...]]:
        return set(self.spans)


def shingle(text: str, ignored: set[tuple[str, ...]] = frozenset()) -> Shingled:
    words = [(match.group().casefold(), match.start(), match.end()) for match in _WORD.finditer(text)]
    spans: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for start in range(len(words) - SHINGLE + 1):
        run = words[start:start + SHINGLE]
        key = tuple(word for word, _, _ in run)
        if key not in ignored:
            spans.setdefault(key, []).append((run[0][1], run[-1][2]))
    return Shingled(spans)


def containment(first: Shingled, second: Shingled) -> float:
    """The larger share of either text's shingles found in the other (a copy plus extras
    still scores high); 0 below MIN_SHARED shared shingles."""
    shared = first.shingles & second.shingles
    if len(shared) < MIN_SHARED:
        return 0.0
    return len(shared) / min(len(first.spans), len(second.spans))


def share_of(text: Shingled, source: Shingled) -> float:
    """The share of ``text``'s shingles that ``source`` holds (0 below MIN_SHARED)."""
    shared = text.shingles & source.shingles
    return len(shared) / len(text.spans) if len(shared) >= MIN_SHARED else 0.0


def matched_spans(text: Shingled, other: Shingled) -> Spans:
    """The merged character spans of ``text`` covered by shingles ``other`` also holds."""
    covered = sorted(span for key in text.shingles & other.shingles for span in text.spans[key])
    return merge_spans(covered)


def merge_spans(spans: list[tuple[int, int]]) -> Spans:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)
