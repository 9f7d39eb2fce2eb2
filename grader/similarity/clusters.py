"""Groups of three or more students on one part, linked by pairs above the threshold.

A group is a connected component: A~B and B~C put A, B and C together even when A and
C were disguised apart, which is how a shared solution spreads through a class.
"""

from __future__ import annotations

from collections import defaultdict

from grader.similarity.model import Cluster, PairMatch

MIN_MEMBERS = 3


def find_clusters(pairs: list[PairMatch]) -> list[Cluster]:
    by_part: dict[str, list[PairMatch]] = defaultdict(list)
    for pair in pairs:
        by_part[pair.part].append(pair)
    clusters = []
    for part_pairs in by_part.values():
        clusters += _part_clusters(part_pairs)
    return sorted(clusters, key=lambda cluster: (-len(cluster.members), -cluster.best_score, cluster.part))


def _part_clusters(pairs: list[PairMatch]) -> list[Cluster]:
    parent: dict[str, str] = {}

    def root(member: str) -> str:
        while parent.setdefault(member, member) != member:
            parent[member] = parent[parent[member]]
            member = parent[member]
        return member

    for pair in pairs:
        parent[root(pair.a)] = root(pair.b)
    groups: dict[str, list[PairMatch]] = defaultdict(list)
    for pair in pairs:
        groups[root(pair.a)].append(pair)
    clusters = []
    for links in groups.values():
        members = tuple(sorted({name for pair in links for name in (pair.a, pair.b)}))
        if len(members) >= MIN_MEMBERS:
            scores = [pair.score for pair in links]
            first = links[0]
            clusters.append(Cluster(first.part, first.kind, first.task_id, members, max(scores), min(scores)))
    return clusters
