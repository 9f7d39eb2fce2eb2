"""The labelled similarity class: disguises keep code valid and change it a lot; labels agree.

Fast on purpose (no TensorFlow, nothing executed): whether a disguised reference still
passes its task's checks was verified by hand with ``grader check`` (see
docs/similarity-engines.md).
"""

from __future__ import annotations

import ast
import itertools
import json
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import similarity_set as S  # noqa: E402
from grader.catalog import load_catalog  # noqa: E402
from grader.intake.submission import read_submission  # noqa: E402

MODULES = sorted(S.CODE_PLAN)


def _solutions(module: str) -> list[str]:
    files = [S.REFERENCE / f"{module}.py"] + sorted((S.ALTERNATIVE / module).glob("*.py"))
    return [path.read_text(encoding="utf-8") for path in files]


def _top_level_names(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
    return names


@pytest.mark.parametrize("module", MODULES)
@pytest.mark.parametrize("name", sorted(S.DISGUISES))
def test_every_disguise_keeps_every_solution_parsing(module, name):
    for number, source in enumerate(_solutions(module) + [(S.TEMPLATE / f"{module}.py").read_text()]):
        ast.parse(S.DISGUISES[name](source, random.Random(number)))


@pytest.mark.parametrize("module", MODULES)
def test_disguises_are_deterministic(module):
    source = _solutions(module)[0]
    for name in S.DISGUISES:
        assert S.DISGUISES[name](source, random.Random(7)) == S.DISGUISES[name](source, random.Random(7))


def test_stacked_disguises_change_most_texts_a_lot():
    """Short Keras modules are mostly attribute chains a disguise may not touch, so the
    bar is on the whole set: most stacked disguises keep under 70% of the characters in
    place, and none leaves a module as it was."""
    ratios = []
    for module in MODULES:
        for number, source in enumerate(_solutions(module)):
            for seed in range(3):
                rng = random.Random(f"{number}:{seed}")
                ratios.append(S.ratio(source, S.disguise(source, S.pick_disguises(rng), rng)))
    assert sum(r < 0.7 for r in ratios) > 0.5 * len(ratios), sorted(round(r, 2) for r in ratios)
    assert max(ratios) < 0.97


@pytest.mark.parametrize("module", MODULES)
def test_renaming_keeps_contract_names_and_renames_something(module):
    renamed_any = False
    for number, source in enumerate(_solutions(module)):
        renamed = S.rename_identifiers(source, random.Random(number))
        required = _top_level_names(source) & S.CONTRACT_NAMES
        assert required <= _top_level_names(renamed), module
        attributes = {n.attr for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Attribute)}
        assert attributes == {n.attr for n in ast.walk(ast.parse(renamed)) if isinstance(n, ast.Attribute)}
        imported = {a.asname or a.name for n in ast.walk(ast.parse(source))
                    if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
        assert imported <= {a.asname or a.name for n in ast.walk(ast.parse(renamed))
                            if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
        renamed_any |= renamed != source
    assert renamed_any


def test_renaming_leaves_keywords_builtins_and_defaulted_parameters_alone():
    source = ("import numpy as np\n\n\ndef helper(values, scale=2):\n    total = sum(values)\n"
              "    return np.asarray(total, dtype=float) * scale\n\n\n"
              "def build_model(num_classes=10):\n    return helper([1, 2], scale=num_classes)\n")
    renamed = S.rename_identifiers(source, random.Random(0))
    assert "scale=" in renamed and "dtype=float" in renamed and "sum(" in renamed
    assert "def build_model(num_classes=10)" in renamed and "np.asarray" in renamed
    assert "def helper(" not in renamed and "total =" not in renamed
    namespace: dict = {}
    exec(compile(renamed.replace("import numpy as np", "import math as np\nnp.asarray = lambda v, dtype: dtype(v)"),
                 "x", "exec"), namespace)
    assert namespace["build_model"]() == 30.0


def test_reordering_keeps_imports_first_and_every_definition():
    source = (S.REFERENCE / "task13_pipeline.py").read_text()
    out = S.reorder_definitions(source, random.Random(1))
    body = ast.parse(out).body
    assert isinstance(body[1], ast.Import)
    assert _top_level_names(out) == _top_level_names(source)


def test_notebook_cells_are_tagged_and_read_back_as_the_modules(tmp_path):
    modules = {module: S.class_sources()["s10"][module] for module in S.class_sources()["s10"]}
    notebook = json.loads(S.as_notebook(modules))
    assert notebook["nbformat"] == 4
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert all(cell["source"][0].startswith("# task") for cell in code)
    (tmp_path / "homework.ipynb").write_bytes(S.as_notebook(modules))
    submission = read_submission(tmp_path, load_catalog())
    assert set(submission.sources) == set(modules)
    for module, text in modules.items():
        assert ast.dump(ast.parse(submission.sources[module].text)) == ast.dump(ast.parse(text))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    dest = tmp_path_factory.mktemp("class")
    return dest, S.build_labelled_class(dest)


def test_thirty_folders_each_readable_with_the_expected_sources(built):
    dest, _ = built
    catalog = load_catalog()
    sources, answers = S.class_sources(), S.class_answers()
    assert sorted(p.name for p in dest.iterdir()) == S.STUDENTS
    for student in S.STUDENTS:
        submission = read_submission(dest / student, catalog)
        assert set(submission.sources) == set(sources[student]), student
        for module, text in sources[student].items():
            assert ast.dump(ast.parse(submission.sources[module].text)) == ast.dump(ast.parse(text))
            if student in S.NOTEBOOK_STUDENTS:
                assert submission.sources[module].notebook == "homework.ipynb"
        for part, text in answers[student].items():
            task, key = part.split(".")
            assert " ".join(submission.answers[task][key].split()) == " ".join(text.split()), (student, part)


def test_the_class_has_what_the_evaluation_needs(built):
    _, labels = built
    assert len(S.CODE_PLAN) >= 5 and len(S.WRITTEN_PLAN) >= 4
    code_clusters = [c for c in labels.clusters if "." not in c[0]]
    assert len(code_clusters) >= 2 and all(3 <= len(members) <= 4 for _, members in labels.clusters)
    notebook_clusters = [c for c in code_clusters if c[1] & S.NOTEBOOK_STUDENTS]
    assert notebook_clusters
    assert labels.reference_copies and labels.quiz_copies
    for part in S.CODE_PLAN:
        templates = [s for s, spec in S.CODE_PLAN[part].items() if spec[0] == "tmpl"]
        assert len(templates) >= 2
        assert all((part, a, b) in labels.independent_pairs for a, b in itertools.combinations(sorted(templates), 2))
    assert {spec[0] for plan in S.WRITTEN_PLAN.values() for spec in plan.values()} == {"own", "copy", "para", "quiz"}


def test_labels_are_consistent(built):
    _, labels = built
    assert not labels.copied_pairs & labels.independent_pairs
    for part, a, b in labels.copied_pairs | labels.independent_pairs:
        assert a < b
    for part, members in labels.clusters:
        for a, b in itertools.combinations(sorted(members), 2):
            assert (part, a, b) in labels.copied_pairs
    for part, student in labels.reference_copies:
        assert "." not in part
    for part, student in labels.quiz_copies:
        assert "." in part


def test_independent_code_never_shares_a_source():
    for module, plan in S.CODE_PLAN.items():
        used = [spec[1] for spec in plan.values() if spec[0] == "alt"]
        assert len(used) == len(set(used)), module
        assert sum(spec[0] == "ref" for spec in plan.values()) <= 1
        for spec in plan.values():
            if spec[0] == "alt":
                assert (S.ALTERNATIVE / module / f"{spec[1]}.py").is_file()


def test_every_copy_is_disguised_differently_and_parses():
    sources = S.class_sources()
    for module, plan in S.CODE_PLAN.items():
        for student, spec in plan.items():
            ast.parse(sources[student][module])
            if spec[0] == "copy":
                assert sources[student][module] != sources[spec[1]][module]
        copies = [sources[s][module] for s, spec in plan.items() if spec[0] == "copy"]
        assert len(copies) == len(set(copies))
