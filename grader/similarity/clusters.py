"""Groups of three or more students on one part, linked by pairs above the threshold.

A group is a connected component: A~B and B~C put A, B and C together even when A and
C were disguised apart, which is how a shared solution spreads through a class.
"""

from __future__ import annotations

from collections import defaultdict

from grader.similarity.model import Cluster

MIN_MEMBERS = 3


def part_clusters(part: str, kind: str, task_id: str, links: list[tuple[str, str, float]]) -> list[Cluster]:
    """The groups of one part, from every link ``(a, b, score)`` above its threshold."""
    parent: dict[str, str] = {}

    def root(member: str) -> str:
        while parent.setdefault(member, member) != member:
            parent[member] = parent[parent[member]]
            member = parent[member]
        return member

    for a, b, _ in links:
        parent[root(a)] = root(b)
    groups: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for link in links:
        groups[root(link[0])].append(link)
    clusters = []
    for group in groups.values():
        members = tuple(sorted({name for a, b, _ in group for name in (a, b)}))
        if len(members) >= MIN_MEMBERS:
            scores = [score for _, _, score in group]
            clusters.append(Cluster(part, kind, task_id, members, max(scores), min(scores)))
    return clusters


def ranked(clusters: list[Cluster]) -> list[Cluster]:
    return sorted(clusters, key=lambda cluster: (-len(cluster.members), -cluster.best_score, cluster.part,
                                                 cluster.members))
