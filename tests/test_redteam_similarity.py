"""Attacks on ``grader similarity``: what a student controls (files and links, folder
names, text, bytes) reaches a staff page, a spreadsheet and the trusted process. Each
attack costs the attacker only, and nothing of it acts as markup, a formula or a link."""

from __future__ import annotations

import csv
import json
import os
import tomllib
import zipfile
from html import unescape
from pathlib import Path

from conftest import REFERENCE
from test_similarity_engine import student

from grader.commands.main import main
from grader.similarity import code, gather
from grader.similarity.compare import compare_class

SCRIPT = "<script>alert(1)</script>"


def test_a_link_to_the_reference_is_never_read(tmp_path, catalog):
    """Attack: a submission whose module is a symlink to the hidden reference."""
    folder = student(tmp_path, "mal")
    os.symlink(REFERENCE / "task29_cnn.py", folder / "task29_cnn.py")
    with zipfile.ZipFile(tmp_path / "zipped.zip", "w") as archive:
        info = zipfile.ZipInfo("task29_cnn.py")
        info.external_attr = 0o120777 << 16   # a symlink entry
        archive.writestr(info, str(REFERENCE / "task29_cnn.py"))
    report = compare_class(tmp_path, catalog, jobs=1)
    assert report.source_matches == [] and report.documents == {}
    assert any("mal" in problem for problem in report.problems)


def test_names_and_text_a_student_chose_stay_text_on_the_page_and_in_the_sheet(tmp_path, capsys):
    """Attack: folder names and code written to act as markup, a formula or a terminal escape."""
    source = (REFERENCE / "task29_cnn.py").read_text() + f"\n# {SCRIPT} </pre></textarea> {{{{ 7*7 }}}}\n"
    for name in (SCRIPT, "=HYPERLINK(\"http://x\",\"y\")", "\x1b[31mred"):
        student(tmp_path / "class", name, {"task29_cnn": source})
    assert main(["similarity", str(tmp_path / "class"), "--out", str(tmp_path / "out")]) == 0
    pages = [path.read_text(encoding="utf-8") for path in (tmp_path / "out").rglob("*.html")]
    assert len(pages) > 3 and not any("<script" in page.lower() for page in pages)
    assert any(SCRIPT in unescape(page) for page in pages)          # shown, as text
    with open(tmp_path / "out" / "similarity.csv", newline="", encoding="utf-8") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert "\x1b" not in capsys.readouterr().out


def test_a_notebook_of_odd_characters_is_compared_and_shown(tmp_path, catalog):
    """Attack: a lone surrogate, NUL, bidi overrides and CRLF in notebook cells."""
    cell = (REFERENCE / "task13_pipeline.py").read_text().replace("\n", "\r\n")
    odd = "# task13\n" + cell + "\n# \ud800 \u202e gnp.exe \x00\n"
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                "cells": [{"id": "c1", "cell_type": "code", "metadata": {}, "source": odd, "outputs": [], "execution_count": None}]}
    folder = tmp_path / "class"
    for name in ("nb1", "nb2"):
        (folder / name).mkdir(parents=True)
        (folder / name / "work.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    assert main(["similarity", str(folder), "--out", str(tmp_path / "out")]) == 0
    report = compare_class(folder, catalog, jobs=1)
    assert [(pair.a, pair.b) for pair in report.pairs] == [("nb1", "nb2")] and report.problems == []
    pages = "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "out").rglob("*.html"))
    assert "\u202e" not in pages and "\x00" not in pages and "\\u202e" in pages   # shown as an escape


def test_text_the_tokeniser_cannot_take_costs_that_module_only(tmp_path, catalog, monkeypatch):
    """Attack: a module that makes fingerprinting itself fail."""
    reference = (REFERENCE / "task40_residual.py").read_text()
    for name in ("ann", "bob"):
        student(tmp_path, name, {"task40_residual": reference, "task13_pipeline": "# mine\n" + reference})
    student(tmp_path, "zed", {"task40_residual": "BOOM" + reference})
    real = code.fingerprint

    def fingerprint(text, boilerplate):
        if text.startswith("BOOM"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, boilerplate)

    monkeypatch.setattr(gather.code, "fingerprint", fingerprint)
    report = compare_class(tmp_path, catalog, jobs=1)
    assert ("task40_residual", "ann", "bob") in {(p.part, p.a, p.b) for p in report.pairs}
    assert any(problem.startswith("zed: task40_residual.py could not be compared") for problem in report.problems)


def test_every_similarity_fixture_names_an_attack_tested_here():
    fixtures = {path.parent.name: tomllib.loads(path.read_text(encoding="utf-8"))
                for path in sorted((Path(__file__).parent / "redteam").glob("*/attack.toml"))}
    named = {attack["test"] for attack in fixtures.values() if attack.get("kind") == "similarity"}
    tests = {name for name in globals() if name.startswith("test_") and "fixture" not in name}
    assert named == tests and len(named) == 4
