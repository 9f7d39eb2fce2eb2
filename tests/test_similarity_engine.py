"""The similarity engine's parts, each on its own: the quiz split, the index, shingles,
groups, stable fingerprints, boilerplate, sources, and what it never reads or runs."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import REFERENCE, ROOT, TEMPLATE

from grader.similarity import code, text_match
from grader.similarity.clusters import part_clusters
from grader.similarity.compare import MAX_LISTED, compare_class, matched_lines
from grader.similarity.index import candidate_pairs, common_fingerprints
from grader.similarity.masking import masked, unmasked_spans
from grader.similarity.material import parse_quiz
from grader.similarity.model import CODE, QUIZ
from grader.similarity.model import REFERENCE as FROM_REFERENCE

QUIZ_TEXT = """Intro text.

Task 1: First

Why?

Because it is so, and the model answer says a lot more about it.

Task 2: Second

Given:

```
def f(x):
    return x
```

Find the error.
"""


def student(folder: Path, name: str, modules: dict[str, str] = {}, answers: dict | None = None) -> Path:
    path = folder / name
    path.mkdir(parents=True)
    for module, source in modules.items():
        (path / f"{module}.py").write_text(source)
    if answers is not None:
        (path / "answers.yaml").write_text(yaml.safe_dump(answers))
    return path


def test_the_quiz_splits_into_tasks_with_prose_and_fenced_code():
    tasks = parse_quiz(QUIZ_TEXT)
    assert sorted(tasks) == [1, 2]
    assert "model answer" in tasks[1].prose and tasks[1].code == ()
    assert tasks[2].code == ("def f(x):\n    return x\n",)
    assert "def f" not in tasks[2].prose and "Find the error." in tasks[2].prose


def test_the_bundled_quiz_holds_every_task_and_its_code():
    tasks = parse_quiz((ROOT / "tasks" / "quiz.txt").read_text(encoding="utf-8"))
    assert sorted(tasks) == list(range(1, 57))
    assert any("class Classifier(tf.keras.Model)" in block for block in tasks[49].code)


def test_the_index_pairs_documents_by_shared_fingerprints_and_drops_idioms():
    documents = [{1, 2, 3, 4}, {1, 2, 3, 9}, {7, 8}, {4, 7, 8}]
    assert candidate_pairs(documents, min_shared=2) == {(0, 1): 3, (2, 3): 2}
    crowd = [{0, number} for number in range(1, 60)]
    assert common_fingerprints(crowd, common_share=0.05) == {0}   # held by all 59: an idiom
    assert common_fingerprints(crowd[:20], common_share=0.05) == set()  # 20 may still be a shared copy


def test_words_ignore_case_punctuation_line_breaks_and_endings():
    first = text_match.content_words("The gradient VANISHES, because tanh saturates for large inputs!")
    second = text_match.content_words("the gradients vanish because\ntanh saturated for larger input")
    assert first.unigrams.keys() == second.unigrams.keys() and first.bigrams.keys() == second.bigrams.keys()
    assert text_match.pair_score(first, second) == 1.0
    assert text_match.matched_spans(first, second) == ((4, len("The gradient VANISHES, because tanh saturates for large inputs")),)


def test_a_paraphrase_keeps_its_words_and_a_few_shared_words_are_no_evidence():
    original = text_match.content_words("Deep networks learn useful features from raw pixels by themselves, "
                                        "so nobody has to engineer features by hand.")
    paraphrase = text_match.content_words("Nobody has to engineer features by hand: deep networks learn "
                                          "useful features by themselves from raw pixels.")
    other = text_match.content_words("Features learned from pixels need more data and a GPU to train.")
    assert text_match.pair_score(original, paraphrase) > 0.9
    assert text_match.pair_score(original, other) == 0.0   # fewer than MIN_WORDS shared


def test_the_question_wording_is_boilerplate():
    ignored = text_match.question_words("What are potential drawbacks of deep learning methods?")
    answer = text_match.content_words("Potential drawbacks of deep learning methods are cost and data.", ignored)
    assert set(answer.unigrams) == {"cost", "data"}


def test_groups_are_connected_components_of_three_or_more():
    links = [("a", "b", 0.9), ("b", "c", 0.7), ("x", "y", 0.8)]
    clusters = part_clusters("task29_cnn", CODE, "task29", links)
    assert [(c.part, c.members, c.best_score, c.weakest_link) for c in clusters] == [
        ("task29_cnn", ("a", "b", "c"), 0.9, 0.7)]


def test_a_class_sharing_one_answer_lists_the_best_pairs_and_groups_them_all(tmp_path, catalog):
    answer = ("Tanh saturates for large inputs of either sign, its derivative is at most one and "
              "shrinks fast, so deep stacks multiply many small factors and early layers stop learning.")
    for number in range(16):
        student(tmp_path, f"q{number:02d}", answers={"task56": {"answer": answer + " " * number}})
    report = compare_class(tmp_path, catalog, jobs=1)
    [cluster] = report.clusters
    assert MAX_LISTED == 100 and len(cluster.members) == 16    # 16 students: 120 pairs
    assert len(report.pairs) == 100 and report.unlisted == {"task56.explanation": 20}


def test_matched_lines_counts_each_touched_line_once():
    text = "one\ntwo\nthree\nfour\n"
    assert matched_lines(text, ((0, 2), (1, 6), (14, 18))) == 3   # lines 1, 2 and 4
    assert matched_lines("a = 1\n\n   \nb = 2\n", ((0, 17),)) == 2   # blank lines inside hold nothing


def test_fingerprints_are_the_same_in_every_process():
    source = (REFERENCE / "task29_cnn.py").read_text()
    here = sorted(code.fingerprint(source, code.boilerplate_hashes([])).hashes)
    script = ("import sys; from grader.similarity import code; "
              "print(sorted(code.fingerprint(sys.stdin.read(), code.boilerplate_hashes([])).hashes))")
    other = subprocess.run([sys.executable, "-c", script], input=source, capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": "12345"}).stdout
    assert str(here) == other.strip() and len(here) > 20


def test_template_stubs_are_never_similar(tmp_path, catalog):
    stub = {"task29_cnn": (TEMPLATE / "task29_cnn.py").read_text()}
    for name in ("s1", "s2", "s3"):
        student(tmp_path, name, stub)
    report = compare_class(tmp_path, catalog, jobs=1)
    assert report.pairs == [] and report.source_matches == []


def test_a_renamed_copy_and_the_reference_are_found_and_kept_apart(tmp_path, catalog):
    reference = (REFERENCE / "task13_pipeline.py").read_text()
    original = reference.replace("dataset", "ds").replace("batch_size", "size_of_batch")
    student(tmp_path, "ann", {"task13_pipeline": original})
    student(tmp_path, "bob", {"task13_pipeline": "# my own work\n" + original.replace("ds", "data") + "\nprint(1)\n"})
    report = compare_class(tmp_path, catalog, jobs=1)
    [pair] = report.pairs
    assert (pair.part, pair.a, pair.b) == ("task13_pipeline", "ann", "bob") and pair.score > 0.9
    assert pair.note == "both are close to the hidden reference"
    assert {(m.submission, m.source) for m in report.source_matches} == {("ann", FROM_REFERENCE), ("bob", FROM_REFERENCE)}
    text = report.document("bob", "task13_pipeline").text
    assert any("prepare_data" in text[start:end] for start, end in pair.b_spans)


def test_an_answer_copied_from_the_quiz_is_shown_with_its_source(tmp_path, catalog):
    quiz = parse_quiz((ROOT / "tasks" / "quiz.txt").read_text(encoding="utf-8"))
    model_answer = quiz[1].prose.split("\n\n")[1]
    student(tmp_path, "cat", answers={"task01": {"answer": model_answer}})
    student(tmp_path, "dan", answers={"task01": {"answer": "Less manual work: the network finds useful "
                                                           "features itself, and bigger data keeps helping."}})
    report = compare_class(tmp_path, catalog, jobs=1)
    assert [(m.part, m.submission, m.source) for m in report.source_matches] == [("task01.answer", "cat", QUIZ)]
    assert report.pairs == []


def test_an_unreadable_submission_costs_only_itself(tmp_path, catalog):
    reference = (REFERENCE / "task29_cnn.py").read_text()
    student(tmp_path, "eve", {"task29_cnn": reference})
    student(tmp_path, "fay", {"task29_cnn": reference + "\n# mine\n"})
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not a zip at all")
    report = compare_class(tmp_path, catalog, jobs=1)
    assert [(p.a, p.b) for p in report.pairs] == [("eve", "fay")]
    assert any(problem.startswith("broken") for problem in report.problems)


@pytest.mark.slow
def test_reading_in_parallel_finds_what_one_process_finds(tmp_path, catalog):
    reference = (REFERENCE / "task40_residual.py").read_text()
    for number in range(12):
        student(tmp_path, f"p{number:02d}", {"task40_residual": reference + f"\nprint({number})\n" * (number % 3)})
    one, two = compare_class(tmp_path, catalog, jobs=1), compare_class(tmp_path, catalog, jobs=2)
    assert one.pairs == two.pairs and len(one.pairs) == 66 and len(one.clusters) == 1


def test_noise_statements_are_blanked_and_every_offset_is_kept():
    source = ('def f(x):\n    """Doc, é."""\n    print("é", x)\n    y = x  # mine\n'
              '    if False:\n        print(1)\n    pass\n    return y\n')
    blanked = masked(source)
    assert len(blanked) == len(source) and blanked.count("\n") == source.count("\n")
    assert "print" not in blanked and "Doc" not in blanked and "pass" not in blanked and "if False" not in blanked
    assert blanked.index("y = x  # mine") == source.index("y = x  # mine")
    assert blanked.index("return y") == source.index("return y")
    assert masked("def broken(:\n    print(1)\n") == "def broken(:\n    print(1)\n"


def test_a_copy_with_a_print_after_every_line_is_still_a_copy():
    source = (REFERENCE / "task13_pipeline.py").read_text()
    noisy = "".join(line + ("\n" + " " * (len(line) - len(line.lstrip())) + "print('here')" if line.strip()
                            and not line.rstrip().endswith((",", "(", ":")) else "") + "\n"
                    for line in source.splitlines())
    prints = [code.fingerprint(text, code.boilerplate_hashes([])) for text in (source, noisy)]
    assert code.compare(prints, 0, 1).score > 0.95


def test_a_blanked_print_inside_a_match_is_never_marked():
    source = "x = 1\nprint('noise')\ny = 2\n"
    assert unmasked_spans(source, ((0, len(source)),)) == ((0, 5), (21, 26))
    assert unmasked_spans(source, ((2, 5),)) == ((2, 5),)


def test_a_quiz_match_carries_the_quiz_text_marked_where_it_matched(tmp_path, catalog):
    quiz = parse_quiz((ROOT / "tasks" / "quiz.txt").read_text(encoding="utf-8"))
    student(tmp_path, "cat", answers={"task01": {"answer": quiz[1].prose.split("\n\n")[1]}})
    [match] = compare_class(tmp_path, catalog, jobs=1).source_matches
    assert match.source_text == quiz[1].prose and match.source_spans
    marked = " ".join(match.source_text[start:end] for start, end in match.source_spans)
    assert "hierarchical representations" in marked and "Scalability" not in marked
