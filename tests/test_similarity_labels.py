"""``grader similarity`` on the labelled class (tests/similarity_set.py) at the default
thresholds: every copied pair, group, reference leak and quiz copy found, and no pair of
independent solutions or answers flagged."""

from __future__ import annotations

import csv

import pytest
from similarity_set import build_labelled_class

from grader.commands.main import main
from grader.similarity.compare import compare_class
from grader.similarity.model import QUIZ, REFERENCE


@pytest.fixture(scope="module")
def labelled(tmp_path_factory, catalog):
    folder = tmp_path_factory.mktemp("labelled-class")
    labels = build_labelled_class(folder)
    return folder, labels, compare_class(folder, catalog)


def test_every_copied_pair_is_found_and_no_independent_pair_is_flagged(labelled):
    _, labels, report = labelled
    flagged = {(pair.part, pair.a, pair.b) for pair in report.pairs}
    missed = labels.copied_pairs - flagged
    false_alarms = flagged & labels.independent_pairs
    recall = 1 - len(missed) / len(labels.copied_pairs)
    judged = flagged & (labels.copied_pairs | labels.independent_pairs)
    precision = len(judged - false_alarms) / len(judged)
    assert (recall, precision) == (1.0, 1.0), f"missed {sorted(missed)}, false alarms {sorted(false_alarms)}"
    assert len(labels.copied_pairs) >= 20 and len(labels.independent_pairs) >= 300


def test_every_group_is_found_whole(labelled):
    _, labels, report = labelled
    found = {(cluster.part, frozenset(cluster.members)) for cluster in report.clusters}
    assert labels.clusters <= found, sorted(labels.clusters - found)


def test_reference_leaks_and_quiz_copies_are_found_and_nothing_else(labelled):
    _, labels, report = labelled
    near = {(match.part, match.submission) for match in report.source_matches if match.source == REFERENCE}
    quiz = {(match.part, match.submission) for match in report.source_matches if match.source == QUIZ}
    assert near == labels.reference_copies
    assert quiz == labels.quiz_copies


def test_the_command_writes_what_the_report_holds(labelled, tmp_path, capsys):
    folder, _, report = labelled
    assert main(["similarity", str(folder), "--out", str(tmp_path)]) == 0
    with open(tmp_path / "similarity.csv", newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["b"] not in (REFERENCE, QUIZ)]
    assert {(row["part"], row["a"], row["b"]) for row in rows} == {(p.part, p.a, p.b) for p in report.pairs}
    assert (tmp_path / "similarity.html").is_file()
    assert f"Compared {len(report.submissions)} submissions" in capsys.readouterr().out
