"""Code fingerprints robust to renames, comments, whitespace and reordering (copydetect).

copydetect tokenises with Pygments, replaces every identifier by its kind, and keeps a
winnowed set of k-gram hashes (the algorithm MOSS uses). Template stubs and the quiz's
own code are boilerplate: their k-grams are removed before anything is compared. Hashes
are made with BLAKE2 rather than copydetect's salted ``hash``, so a class scores the
same in every run and in every process.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass

import copydetect.utils
import numpy as np
from copydetect import CodeFingerprint, compare_files

from grader.similarity.index import candidate_pairs, common_fingerprints
from grader.similarity.masking import masked
from grader.similarity.model import Spans

NOISE = 25               # shortest match that counts, in filtered characters (copydetect's default)
WINDOW = 4               # winnowing window: every match of NOISE + WINDOW - 1 is found
MIN_MATCHED = 120        # filtered characters two files must share before a score means anything
MIN_SHARED = 3           # fingerprints two files must share to be compared at all

logging.getLogger("copydetect").setLevel(logging.ERROR)


def _stable_kgram_hashes(text: str, k: int) -> np.ndarray:
    """copydetect's ``hashed_kgrams`` with a hash that is the same in every process."""
    return np.array([int.from_bytes(hashlib.blake2b(text[start:start + k].encode("utf-8", "surrogatepass"),
                                                    digest_size=8).digest(), "little", signed=True)
                     for start in range(len(text) - k + 1)], dtype=np.int64)


copydetect.utils.hashed_kgrams = _stable_kgram_hashes  # get_document_fingerprints looks it up here


@dataclass(frozen=True)
class CodeMatch:
    first: int
    second: int
    score: float
    first_spans: Spans
    second_spans: Spans


def boilerplate_hashes(texts: list[str]) -> np.ndarray:
    """Every k-gram hash of the code all students are given (templates, the quiz's code)."""
    hashes = set()
    for text in texts:
        hashes |= _fingerprint(text, window=1).hashes
    return np.array(sorted(hashes), dtype=np.int64)


def fingerprint(text: str, boilerplate: np.ndarray) -> CodeFingerprint:
    return _fingerprint(text, boilerplate=boilerplate)


def matching_pairs(prints: list[CodeFingerprint], threshold: float) -> list[CodeMatch]:
    """Every pair whose matched share reaches ``threshold``, found through the index."""
    common = common_fingerprints([fp.hashes for fp in prints])
    for fp in prints:
        fp.hashes = fp.hashes - common
    sizes = [max(len(fp.hashes), 1) for fp in prints]
    matches = []
    for (first, second), shared in candidate_pairs([fp.hashes for fp in prints], MIN_SHARED).items():
        if shared / min(sizes[first], sizes[second]) >= threshold / 2:
            match = compare(prints, first, second)
            if match and match.score >= threshold:
                matches.append(match)
    return matches


def compare(prints: list[CodeFingerprint], first: int, second: int) -> CodeMatch | None:
    """The score of one pair (the larger matched share) and the spans in each raw text."""
    overlap, (share_first, share_second), (slices_first, slices_second) = compare_files(
        prints[first], prints[second])
    if overlap < MIN_MATCHED or not len(slices_first[0]):
        return None
    return CodeMatch(first, second, float(max(share_first, share_second)),
                     _spans(slices_first), _spans(slices_second))


def _fingerprint(text: str, window: int = WINDOW, boilerplate: np.ndarray | None = None) -> CodeFingerprint:
    return CodeFingerprint("module.py", NOISE, window, boilerplate=boilerplate, fp=io.StringIO(masked(text)))


def _spans(slices: np.ndarray) -> Spans:
    return tuple((int(start), int(end)) for start, end in zip(slices[0], slices[1]))
