"""A SimilarityReport as the plain dicts the templates show: no decision is made here.

Pages are named by index (``pairs/3.html``, ``sources/1.html``), never by a student id, and
filters refer to tasks by index too (``t2``), so nothing a student controls reaches a file
name, a CSS selector or an attribute other than through Jinja2's escaping.
"""

from __future__ import annotations

from itertools import groupby

from grader.similarity.highlight import numbered_lines
from grader.similarity.model import QUIZ, REFERENCE, Document, PairMatch, SimilarityReport, SourceMatch

DISCLAIMER = ("Similarity is a reason to look, not proof: two students can write alike for honest "
              "reasons (the quiz's model answer, a shared hint, a short task with one natural solution).")
LEVELS = (50, 60, 70, 80, 90)  # the threshold filter's choices, in percent


def percent(score: float) -> int:
    return int(round(100 * max(0.0, min(1.0, score))))


def pair_page(index: int) -> str:
    return f"pairs/{index}.html"


def source_page(index: int) -> str:
    return f"sources/{index}.html"


def _levels(score: float) -> list[int]:
    return [level for level in LEVELS if percent(score) >= level]


def _task_index(report: SimilarityReport) -> dict[str, int]:
    tasks = [p.task_id for p in report.pairs] + [c.task_id for c in report.clusters]
    tasks += [m.task_id for m in report.source_matches]
    return {task: index for index, task in enumerate(sorted(set(tasks)), start=1)}


def _pair_row(index: int, pair: PairMatch, tasks: dict[str, int]) -> dict:
    return {"a": pair.a, "b": pair.b, "percent": percent(pair.score), "lines": pair.matched_lines,
            "note": pair.note, "href": pair_page(index), "task": tasks[pair.task_id],
            "levels": _levels(pair.score)}


def _sections(report: SimilarityReport, tasks: dict[str, int]) -> list[dict]:
    """One section per task, one table per part, rows best first (ties by the two ids)."""
    indexed = sorted(enumerate(report.pairs, start=1),
                     key=lambda item: (item[1].task_id, item[1].part, -item[1].score, item[1].a, item[1].b))
    sections = []
    for task_id, in_task in groupby(indexed, key=lambda item: item[1].task_id):
        parts = [{"part": part, "kind": rows[0][1].kind, "rows": [_pair_row(i, p, tasks) for i, p in rows],
                  "unlisted": report.unlisted.get(part, 0)}
                 for part, group in groupby(in_task, key=lambda item: item[1].part)
                 for rows in [list(group)]]
        count = sum(len(part["rows"]) for part in parts)
        sections.append({"task_id": task_id, "task": tasks[task_id], "parts": parts, "count": count})
    return sections


def _source_row(index: int, match: SourceMatch, tasks: dict[str, int]) -> dict:
    return {"task_id": match.task_id, "part": match.part, "kind": match.kind, "submission": match.submission,
            "source_name": match.source_name, "percent": percent(match.score), "href": source_page(index),
            "task": tasks[match.task_id], "levels": _levels(match.score)}


def _sources(report: SimilarityReport, tasks: dict[str, int], source: str) -> list[dict]:
    rows = [(i, m) for i, m in enumerate(report.source_matches, start=1) if m.source == source]
    rows.sort(key=lambda item: (item[1].task_id, item[1].part, -item[1].score, item[1].submission))
    return [_source_row(i, m, tasks) for i, m in rows]


def _cluster_row(cluster, tasks: dict[str, int]) -> dict:
    return {"part": cluster.part, "kind": cluster.kind, "members": list(cluster.members),
            "best": percent(cluster.best_score), "weakest": percent(cluster.weakest_link),
            "task": tasks[cluster.task_id], "levels": _levels(cluster.weakest_link)}


def main_view(report: SimilarityReport) -> dict:
    tasks = _task_index(report)
    t = report.thresholds
    return {
        "disclaimer": DISCLAIMER,
        "thresholds": [("code", percent(t.code)), ("written answers", percent(t.written)),
                       ("hidden reference", percent(t.reference)), ("quiz's model answer", percent(t.quiz))],
        "problems": list(report.problems), "submissions": len(report.submissions),
        "tasks": [{"id": task, "index": index} for task, index in tasks.items()], "levels": LEVELS,
        "pair_count": len(report.pairs) + sum(report.unlisted.values()), "sections": _sections(report, tasks),
        "clusters": [_cluster_row(c, tasks) for c in report.clusters],
        "reference": _sources(report, tasks, REFERENCE), "quiz": _sources(report, tasks, QUIZ),
    }


def _side(document: Document | None, who: str, spans) -> dict:
    if document is None:
        return {"who": who, "origin": "", "lines": None}
    return {"who": who, "origin": document.origin, "lines": numbered_lines(document.text, spans)}


def pair_view(report: SimilarityReport, pair: PairMatch) -> dict:
    documents = report.documents
    return {"title": f"{pair.a} and {pair.b}: {pair.part}", "part": pair.part, "kind": pair.kind,
            "task_id": pair.task_id, "percent": percent(pair.score), "lines": pair.matched_lines,
            "note": pair.note, "disclaimer": DISCLAIMER,
            "sides": [_side(documents.get((pair.a, pair.part)), pair.a, pair.a_spans),
                      _side(documents.get((pair.b, pair.part)), pair.b, pair.b_spans)]}


def source_view(report: SimilarityReport, match: SourceMatch) -> dict:
    label = "the hidden reference (staff only)" if match.source == REFERENCE else "the quiz's model answer"
    student = _side(report.documents.get((match.submission, match.part)), match.submission, match.spans)
    source = {"who": match.source_name, "origin": label,
              "lines": numbered_lines(match.source_text, match.source_spans) if match.source_text else None}
    return {"title": f"{match.submission} and {label}: {match.part}", "part": match.part,
            "kind": match.kind, "task_id": match.task_id, "percent": percent(match.score),
            "lines": None, "note": f"close to {label}", "disclaimer": DISCLAIMER,
            "sides": [student, source]}
