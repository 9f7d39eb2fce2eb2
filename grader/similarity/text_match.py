"""Written answers compared by their content words: copies share long runs of them, light
paraphrases (words swapped, sentences reordered or merged) still share most of the words.

A text becomes its content words (case folded, stop words dropped, cut to a five-letter
stem so that "features" and "feature" meet), their pairs in order (bigrams), and where
each sits in the text. A pair's score is the larger of two shares: of the shorter text's
bigrams found in the other (a copy with additions scores high), and of all content words
the two have in common (Jaccard: a paraphrase scores high). The question's own words are
boilerplate: students restate it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from grader.similarity.model import Spans, merge_spans

STEM = 5                 # letters a word is cut to
MIN_WORDS = 6            # shared content words below which two answers are not compared
MIN_BIGRAMS = 3          # shared bigrams below which a text is not close to a source
_WORD = re.compile(r"[^\W_]+")
STOP_WORDS = frozenset("""
    a an the of to in on at for and or but nor is are was were be been being it its this that these
    those with as by from so can could would should will may might than then which while when into
    also not no more less very there their they them we you your our i my me he she his her has have
    had do does did such each other any all some many much one two if because about only just own
""".split())


@dataclass(frozen=True)
class Words:
    """One text's content words and bigrams, each with the character spans it covers."""

    unigrams: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    bigrams: dict[tuple[str, str], list[tuple[int, int]]] = field(default_factory=dict)


def content_words(text: str, ignored: frozenset[str] = frozenset()) -> Words:
    words = [(match.group().casefold(), match.start(), match.end()) for match in _WORD.finditer(text)]
    kept = [(word[:STEM], start, end) for word, start, end in words if word not in STOP_WORDS]
    kept = [item for item in kept if item[0] not in ignored]
    found = Words()
    for stem, start, end in kept:
        found.unigrams.setdefault(stem, []).append((start, end))
    for (first, start, _), (second, _, end) in zip(kept, kept[1:]):
        found.bigrams.setdefault((first, second), []).append((start, end))
    return found


def question_words(question: str) -> frozenset[str]:
    return frozenset(content_words(question).unigrams)


def pair_score(first: Words, second: Words) -> float:
    shared_words = first.unigrams.keys() & second.unigrams.keys()
    if len(shared_words) < MIN_WORDS:
        return 0.0
    jaccard = len(shared_words) / len(first.unigrams.keys() | second.unigrams.keys())
    shared_bigrams = first.bigrams.keys() & second.bigrams.keys()
    containment = len(shared_bigrams) / max(1, min(len(first.bigrams), len(second.bigrams)))
    return max(jaccard, containment)


def share_of(text: Words, source: Words) -> float:
    """The share of ``text``'s bigrams that ``source`` holds (a copy or paraphrase of a
    long model answer keeps its word pairs; 0 below MIN_BIGRAMS shared)."""
    shared = text.bigrams.keys() & source.bigrams.keys()
    return len(shared) / len(text.bigrams) if len(shared) >= MIN_BIGRAMS else 0.0


def matched_spans(text: Words, other: Words) -> Spans:
    """Where ``text`` holds what ``other`` also holds: shared bigrams and shared words."""
    spans = [span for key in text.bigrams.keys() & other.bigrams.keys() for span in text.bigrams[key]]
    spans += [span for key in text.unigrams.keys() & other.unigrams.keys() for span in text.unigrams[key]]
    return tuple(merge_spans(spans))
