"""A whole class compared, part by part: code through fingerprints, answers through their
content words, each against the others and against the reference or the quiz.

Nothing here decides anything about a student: it finds pairs and groups above the
thresholds and keeps the evidence (the matched spans) for a person to read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from grader.catalog import Catalog
from grader.domain import TaskSpec
from grader.similarity import code, text_match
from grader.similarity.clusters import part_clusters, ranked
from grader.similarity.gather import boilerplate, gather
from grader.similarity.index import candidate_pairs, common_fingerprints
from grader.similarity.masking import unmasked_spans
from grader.similarity.material import CourseMaterial, load_material
from grader.similarity.model import (CODE, QUIZ, REFERENCE, Document, PairMatch, SimilarityReport,
                                     SourceMatch, Spans, Thresholds)

MAX_LISTED = 100  # pairs listed per part, best first; every pair above the threshold still forms groups


def compare_class(folder: Path, catalog: Catalog, thresholds: Thresholds = Thresholds(),
                  tasks: tuple[TaskSpec, ...] | None = None, quiz: Path | None = None,
                  jobs: int | None = None) -> SimilarityReport:
    """Read every submission in ``folder`` and compare them; nothing of theirs runs."""
    tasks = tasks or catalog.tasks
    material = load_material(catalog, quiz)
    found = gather(folder, catalog, tasks, material, jobs)
    report = SimilarityReport(thresholds, tuple(found.submissions), problems=[*material.problems, *found.problems])
    by_part: dict[str, list[Document]] = defaultdict(list)
    for document in found.documents:
        by_part[document.part].append(document)
    specs = {task.id: task for task in tasks}
    boilerplates = boilerplate(material, tasks)
    for part, part_documents in sorted(by_part.items()):
        if part_documents[0].kind == CODE:
            prints = [found.prints[(doc.submission, doc.part)] for doc in part_documents]
            _compare_code(report, part_documents, prints, material, boilerplates[part])
        else:
            _compare_written(report, part_documents, material, specs[part_documents[0].task_id])
    _finish(report, {(doc.submission, doc.part): doc for doc in found.documents})
    return report


def _compare_code(report: SimilarityReport, documents: list[Document], prints: list, material: CourseMaterial,
                  boilerplate) -> None:
    part = documents[0].part
    reference = material.references.get(part)
    if reference is not None:
        prints = prints + [code.fingerprint(reference, boilerplate)]
    lowest = min(report.thresholds.code, report.thresholds.reference)
    texts = [doc.text for doc in documents] + [reference]
    found, evidence = [], {}
    for match in code.matching_pairs(prints, lowest):
        spans = (unmasked_spans(texts[match.first], match.first_spans),
                 unmasked_spans(texts[match.second], match.second_spans))
        if match.second == len(documents):
            if match.score >= report.thresholds.reference:
                first = documents[match.first]
                report.source_matches.append(SourceMatch(
                    part, CODE, first.task_id, first.submission, REFERENCE, f"reference/{part}.py",
                    match.score, spans[0], reference, spans[1], matched_lines(first.text, spans[0])))
        elif match.score >= report.thresholds.code:
            found.append((match.score, match.first, match.second))
            evidence[(match.first, match.second)] = spans
    _list_pairs(report, documents, found, lambda first, second: evidence[(first, second)])


def _compare_written(report: SimilarityReport, documents: list[Document], material: CourseMaterial,
                     task: TaskSpec) -> None:
    ignored = frozenset().union(*(text_match.question_words(part.question) for part in task.written))
    words = [text_match.content_words(doc.text, ignored) for doc in documents]
    quiz_task = material.quiz.get(task.quiz_task)
    if quiz_task is not None:
        _compare_with_quiz(report, documents, words, quiz_task.prose, ignored, task)
    keys = [set(item.bigrams) for item in words]
    common = common_fingerprints(keys)
    found = []
    for (first, second), _ in candidate_pairs([bigrams - common for bigrams in keys], 2).items():
        score = text_match.pair_score(words[first], words[second])
        if score >= report.thresholds.written:
            found.append((score, first, second))
    _list_pairs(report, documents, found, lambda first, second: (
        text_match.matched_spans(words[first], words[second]), text_match.matched_spans(words[second], words[first])))


def _list_pairs(report: SimilarityReport, documents: list[Document], found: list[tuple[float, int, int]],
                spans_of) -> None:
    """Every pair above the threshold links its group; the best MAX_LISTED of a part are
    listed with their evidence (a class that all handed in the quiz's answer would
    otherwise list every pair of it)."""
    found.sort(key=lambda item: (-item[0], documents[item[1]].submission, documents[item[2]].submission))
    sample = documents[0]
    report.clusters += part_clusters(sample.part, sample.kind, sample.task_id, [
        (documents[first].submission, documents[second].submission, score) for score, first, second in found])
    for score, first, second in found[:MAX_LISTED]:
        report.pairs.append(_pair(documents[first], documents[second], score, *spans_of(first, second)))
    if len(found) > MAX_LISTED:
        report.unlisted[sample.part] = len(found) - MAX_LISTED


def _compare_with_quiz(report, documents, words, prose: str, ignored: frozenset[str], task: TaskSpec) -> None:
    """Each answer against the quiz's text for its task; the page shows both, marked."""
    quiz = text_match.content_words(prose, ignored)
    for document, student in zip(documents, words):
        score = text_match.share_of(student, quiz)
        if score >= report.thresholds.quiz:
            spans = text_match.matched_spans(student, quiz)
            report.source_matches.append(SourceMatch(
                document.part, document.kind, document.task_id, document.submission, QUIZ,
                f"quiz, Task {task.quiz_task}", score, spans, prose, text_match.matched_spans(quiz, student),
                matched_lines(document.text, spans)))


def _pair(first: Document, second: Document, score: float, first_spans: Spans, second_spans: Spans) -> PairMatch:
    if second.submission < first.submission:
        first, second, first_spans, second_spans = second, first, second_spans, first_spans
    return PairMatch(first.part, first.kind, first.task_id, first.submission, second.submission,
                     round(score, 4), first_spans, second_spans, matched_lines(first.text, first_spans))


def matched_lines(text: str, spans: Spans) -> int:
    """How many lines of ``text`` hold matched text (a blank line inside a match is not one)."""
    lines = set()
    for start, end in spans:
        first = text.count("\n", 0, start)
        lines.update(first + offset for offset, piece in enumerate(text[start:end].split("\n")) if piece.strip())
    return len(lines)


def _finish(report: SimilarityReport, documents: dict[tuple[str, str], Document]) -> None:
    """Rank, group, note what both sides of a pair share with a source, keep only cited texts."""
    near = {(match.part, match.submission): match.source for match in report.source_matches}
    report.pairs = sorted((_noted(pair, near) for pair in report.pairs),
                          key=lambda pair: (-pair.score, pair.part, pair.a, pair.b))
    report.source_matches.sort(key=lambda match: (match.source, -match.score, match.part, match.submission))
    report.clusters = ranked(report.clusters)
    cited = {(pair.a, pair.part) for pair in report.pairs} | {(pair.b, pair.part) for pair in report.pairs}
    cited |= {(match.submission, match.part) for match in report.source_matches}
    report.documents = {key: documents[key] for key in sorted(cited)}


def _noted(pair: PairMatch, near: dict[tuple[str, str], str]) -> PairMatch:
    source = near.get((pair.part, pair.a))
    if source is None or near.get((pair.part, pair.b)) != source:
        return pair
    what = "the hidden reference" if source == REFERENCE else "the quiz's model answer"
    return replace(pair, note=f"both are close to {what}")
