"""An inverted index from fingerprint to documents, as MOSS keeps one: candidate pairs
come from shared fingerprints, so a class is never compared pair by pair in full.

A fingerprint that most of the class shares is a common idiom, not evidence: above
``common_share`` of the documents (and at least ``MIN_COMMON`` of them) it is dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import Hashable, Iterable

MIN_COMMON = 20          # a fingerprint held by this many documents may still be evidence
COMMON_SHARE = 0.05      # ... above this share of a large class it is an idiom


def common_fingerprints(documents: list[Iterable[Hashable]], common_share: float = COMMON_SHARE) -> set:
    """Fingerprints held by more documents than a copied solution plausibly reaches."""
    frequency = Counter(hash_ for hashes in documents for hash_ in set(hashes))
    limit = max(MIN_COMMON, int(common_share * len(documents)))
    return {hash_ for hash_, count in frequency.items() if count > limit}


def candidate_pairs(documents: list[set], min_shared: int) -> dict[tuple[int, int], int]:
    """(i, j) -> shared fingerprints, for every pair of documents sharing ``min_shared``."""
    postings: dict[Hashable, list[int]] = defaultdict(list)
    for number, hashes in enumerate(documents):
        for hash_ in hashes:
            postings[hash_].append(number)
    shared: Counter = Counter()
    for holders in postings.values():
        if len(holders) > 1:
            shared.update(combinations(holders, 2))
    return {pair: count for pair, count in shared.items() if count >= min_shared}
