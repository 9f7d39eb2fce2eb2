"""What students get holds no hidden test, no reference solution and no expected value."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from conftest import REFERENCE, ROOT, TEMPLATE, regular_files

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from grader import compat
from grader.compat import SUPPORTED
from grader.course.kit import build_kit

TRIVIAL = {"import pytest", "import numpy as np", "import tensorflow as tf", "import math", "",
           "from __future__ import annotations", "return x", "pass"}


def _lines(path: Path) -> set[str]:
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}


def secret_lines(catalog) -> set[str]:
    """Non-trivial lines of the hidden tests and the reference that no public file has.

    Signatures (``def``/``class`` lines) are the public contract, and lines that a public
    test, a probe or the engine (all shipped) also contain are public by definition.
    """
    public_files = [task.folder / name for task in catalog.tasks
                    for name in ("test_public.py", "probe.py") if (task.folder / name).is_file()]
    public_files += regular_files(ROOT / "grader", "**/*.py")  # the engine ships in the kit anyway
    public = set().union(*(_lines(path) for path in public_files))
    files = [task.folder / name for task in catalog.tasks for name in ("test_hidden.py", "rubric.toml")
             if (task.folder / name).is_file()] + regular_files(REFERENCE)
    secrets = set()
    for path in files:
        for line in _lines(path) - public:
            if len(line) > 20 and line not in TRIVIAL and ") -> " not in line and not line.startswith(
                    ("#", '"""', "@pytest", "def ", "class ", "super()", "import ", "from ", "[")):
                secrets.add(line)
    return secrets


def rubric_texts(catalog) -> set[str]:
    """Every text of the rubrics (staff only): a report must hold none, quoted or not."""
    texts: set[str] = set()

    def collect(value) -> None:
        if isinstance(value, str) and len(value) > 25:
            texts.add(value.strip())
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for task in catalog.tasks:
        if (task.folder / "rubric.toml").is_file():
            collect(tomllib.loads((task.folder / "rubric.toml").read_text(encoding="utf-8")))
    return texts


@pytest.fixture(scope="module")
def kit(catalog, tmp_path_factory):
    return build_kit(catalog, tmp_path_factory.mktemp("kit"))


def test_kit_holds_only_the_engine_and_public_task_files(kit):
    names = zipfile.ZipFile(kit).namelist()
    for name in names:
        assert "test_hidden" not in name and not name.startswith(("reference/", "tests/", "tasks/"))
        if name.startswith("grader/public_tasks/"):
            assert Path(name).name in ("task.toml", "probe.py", "test_public.py", "written.toml"), name
    assert any(name.endswith("test_public.py") for name in names)


def test_kit_contains_no_hidden_or_reference_line(kit, catalog):
    secrets = secret_lines(catalog)
    archive = zipfile.ZipFile(kit)
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8", "replace")
        leaked = sorted(secrets & {line.strip() for line in text.splitlines()})
        assert not leaked, f"{name} contains hidden or reference lines: {leaked[:3]}"


def test_student_template_contains_no_hidden_or_reference_line(catalog):
    secrets = secret_lines(catalog)
    for path in TEMPLATE.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            leaked = sorted(secrets & {line.strip() for line in text.splitlines()})
            assert not leaked, f"{path} contains hidden or reference lines: {leaked[:3]}"


def test_check_from_the_kit_runs_public_checks_only(kit, tmp_path):
    """Unpacked as students install it, `grader check` runs and knows no hidden check."""
    zipfile.ZipFile(kit).extractall(tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    env.pop("GRADER_TASKS", None)
    result = subprocess.run([sys.executable, "-m", "grader", "check", str(REFERENCE), "--tasks", "task29"],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Task 29" in result.stdout and "3/3" in result.stdout
    assert "Hidden" not in result.stdout
    assert str(ROOT / "tasks") not in result.stdout


def test_kit_pins_no_tensorflow_and_offers_it_as_an_extra(kit):
    """Installed into Colab, the kit keeps Colab's TensorFlow: no requirement would replace it."""
    metadata = next(name for name in zipfile.ZipFile(kit).namelist() if name.endswith(".dist-info/METADATA"))
    requires = [line.removeprefix("Requires-Dist: ") for line in zipfile.ZipFile(kit).read(metadata).decode().splitlines()
                if line.startswith("Requires-Dist: ")]
    parsed = [Requirement(line) for line in requires]
    tensorflow = [req for req in parsed if req.name.startswith("tensorflow")]
    assert {req.name for req in tensorflow} == {"tensorflow", "tensorflow-cpu"}
    assert all('extra == "tensorflow"' in str(req.marker) for req in tensorflow), tensorflow
    assert all(req.specifier == SpecifierSet(SUPPORTED["tensorflow"]) for req in tensorflow)
    keras = next(req for req in parsed if req.name == "keras")
    assert keras.specifier == SpecifierSet(SUPPORTED["keras"]) and keras.marker is None
    assert "Provides-Extra: tensorflow" in zipfile.ZipFile(kit).read(metadata).decode()


@pytest.mark.parametrize("installed, said", [
    ({"tensorflow-cpu": "2.21.0", "keras": "3.15.1"}, []),
    ({"tensorflow": "2.18.1", "keras": "3.5.0"}, []),
    ({"tensorflow": "2.15.1", "keras": "3.5.0"}, ["TensorFlow 2.15.1 is installed; the checks are proven on 2.18"]),
    ({"tensorflow": "2.22.0rc1", "keras": "3.5.0"}, ["TensorFlow 2.22.0rc1 is installed"]),
    ({"keras": "2.15.0"}, ["TensorFlow is not installed", "Keras 2.15.0 is installed"]),
])
def test_check_says_when_the_installed_frameworks_are_outside_the_range(monkeypatch, installed, said):
    from importlib import metadata

    def version(name):
        if name not in installed:
            raise metadata.PackageNotFoundError(name)
        return installed[name]

    monkeypatch.setattr(compat.metadata, "version", version)
    problems = compat.framework_problems()
    assert len(problems) == len(said) and all(text in problem for text, problem in zip(said, problems)), problems
    assert all('pip install "' in problem for problem in problems)


def test_check_without_tensorflow_stops_before_the_worker_with_the_command_to_run(tmp_path):
    """A Python with no TensorFlow: the message names what to install, no traceback."""
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "sitecustomize.py").write_text(
        "from importlib import metadata\n_real = metadata.version\n"
        "def _version(name):\n    if name.startswith('tensorflow'):\n"
        "        raise metadata.PackageNotFoundError(name)\n    return _real(name)\nmetadata.version = _version\n")
    env = {**os.environ, "PYTHONPATH": f"{shadow}{os.pathsep}{ROOT}"}
    result = subprocess.run([sys.executable, "-m", "grader", "check", str(REFERENCE), "--tasks", "task29"],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 3, result.stdout + result.stderr
    assert 'warning: TensorFlow is not installed' in result.stdout and 'pip install "tensorflow>=2.18' in result.stdout
    assert "Traceback" not in result.stderr
