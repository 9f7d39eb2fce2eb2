"""A broken catalog stops the grader loudly instead of mis-scoring students."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.catalog import CatalogError, load_catalog
from grader.engine import GradeOptions, Grader, GraderError

GOOD_TOML = 'id = "task01"\nquiz_task = 1\ntitle = "Why deep learning?"\npoints = 1\n'


def make_catalog(tmp_path: Path, test_source: str, toml: str = GOOD_TOML) -> Path:
    folder = tmp_path / "catalog" / "task01_why"
    folder.mkdir(parents=True)
    (folder / "task.toml").write_text(toml)
    (folder / "test_hidden.py").write_text(test_source)
    return folder.parent


def grade_with(catalog_root: Path, tmp_path: Path):
    submission = tmp_path / "submission"
    submission.mkdir(exist_ok=True)
    with Grader(load_catalog(catalog_root), GradeOptions(isolate=False)) as grader:
        return grader.grade(submission)


def test_a_well_formed_check_runs(tmp_path):
    root = make_catalog(tmp_path, "import pytest\n@pytest.mark.points(1)\ndef test_ok():\n    assert True\n")
    run = grade_with(root, tmp_path)
    assert run.score == run.max_score == 1


@pytest.mark.parametrize("source, message", [
    ("import pytest\n@pytest.mark.piont(1)\ndef test_typo():\n    pass\n", "piont"),
    ("def test_no_points():\n    pass\n", "points"),
    ("import pytest\n@pytest.mark.points(0)\ndef test_zero():\n    pass\n", "points"),
    ("import pytest\n@pytest.mark.points(1)\n@pytest.mark.visibility('public')\ndef test_v():\n    pass\n",
     "visibility"),
    ("import pytest\ndef broken(:\n", "SyntaxError"),
])
def test_catalog_mistakes_fail_the_run(tmp_path, source, message):
    root = make_catalog(tmp_path, source)
    with pytest.raises(GraderError, match=message):
        grade_with(root, tmp_path)


def test_a_crashing_check_is_an_internal_error_not_a_student_fault(tmp_path):
    root = make_catalog(tmp_path, "import pytest\n@pytest.mark.points(1)\ndef test_bug():\n    {}['x']\n")
    check = grade_with(root, tmp_path).tasks[0].checks[0]
    assert check.status == "error" and "staff" in check.feedback and "KeyError" in check.details


@pytest.mark.parametrize("toml, message", [
    ('id = "task1"\nquiz_task = 1\ntitle = "t"\n', "taskNN"),
    ('id = "task02"\nquiz_task = 1\ntitle = "t"\n', "matching"),
    ('id = "task01"\nquiz_task = 1\n', "title"),
    ('id = "task01"\nquiz_task = 1\ntitle = "t"\n[student]\nmodule = "Task01"\n', "module"),
    ('id = = "task01"', "task.toml"),
])
def test_malformed_task_toml_names_the_file(tmp_path, toml, message):
    root = make_catalog(tmp_path, "", toml)
    with pytest.raises(CatalogError, match=message):
        load_catalog(root)


def test_unknown_task_ids_are_refused():
    with pytest.raises(CatalogError, match="task99"):
        load_catalog().select(["task99"])


def shared_probe_catalog(tmp_path: Path, sharer_toml: str, own_probe: bool = False) -> Path:
    """task01 owns probe.py for module task01_cnn; task02's task.toml is ``sharer_toml``."""
    root = tmp_path / "catalog"
    owner, sharer = root / "task01_cnn", root / "task02_pool"
    owner.mkdir(parents=True), sharer.mkdir()
    (owner / "task.toml").write_text(
        'id = "task01"\nquiz_task = 1\ntitle = "t"\n[student]\nmodule = "task01_cnn"\nnames = ["f"]\n')
    (owner / "probe.py").write_text("def measure(student):\n    return 1\n")
    (sharer / "task.toml").write_text(sharer_toml)
    if own_probe:
        (sharer / "probe.py").write_text("")
    return root


SHARER = 'id = "task02"\nquiz_task = 2\ntitle = "t"\nprobe = "{probe}"\n[student]\nmodule = "{module}"\n'


def test_a_task_of_the_same_module_uses_the_named_probe(tmp_path):
    root = shared_probe_catalog(tmp_path, SHARER.format(probe="task01_cnn", module="task01_cnn"))
    owner, sharer = load_catalog(root).tasks
    assert sharer.probe_file == owner.probe_file == root.resolve() / "task01_cnn" / "probe.py"
    assert owner.probe_folder is None


@pytest.mark.parametrize("probe, module, own_probe, message", [
    ("task03_none", "task01_cnn", False, "does not exist"),
    ("../task01_cnn", "task01_cnn", False, "must name a task folder"),
    ("task01_cnn", "task01_cnn", True, "of its own"),
    ("task01_cnn", "task02_other", False, "same module"),
])
def test_a_shared_probe_must_be_a_sibling_of_the_same_module(tmp_path, probe, module, own_probe, message):
    root = shared_probe_catalog(tmp_path, SHARER.format(probe=probe, module=module), own_probe)
    with pytest.raises(CatalogError, match=message):
        load_catalog(root)
