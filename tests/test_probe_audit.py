"""The audit of probe measurements (tests/redteam/probe_audit.toml, the second table of
docs/attacks.md) names real probes and real red-team fixtures."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REDTEAM = ROOT / "tests" / "redteam"
AUDIT = tomllib.loads((REDTEAM / "probe_audit.toml").read_text(encoding="utf-8"))
ENTRIES = AUDIT["measurement"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["probe"][:60])
def test_entry_is_complete(entry):
    assert {"probe", "asked", "measures", "gained", "fixture"} <= set(entry)
    assert all(entry[key].strip() for key in ("probe", "asked", "measures", "gained"))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["probe"][:60])
def test_entry_names_existing_probe_files(entry):
    paths = re.findall(r"(?:grader/probes|tasks/\w+)/\w+\.py", entry["probe"])
    assert paths, f"no probe file named in {entry['probe']!r}"
    assert all((ROOT / path).is_file() for path in paths), paths


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["fixture"]], ids=lambda entry: entry["fixture"])
def test_fixtures_are_graded_red_team_submissions(entry):
    for name in (part.strip() for part in entry["fixture"].split(",")):
        attack = tomllib.loads((REDTEAM / name / "attack.toml").read_text(encoding="utf-8"))
        assert attack.get("kind", "submission") == "submission", name


def test_a_point_gained_has_a_fixture_that_shows_it():
    unshown = [entry["probe"] for entry in ENTRIES if entry["gained"].startswith("yes") and not entry["fixture"]]
    assert not unshown


def test_residual_risk_is_stated():
    assert any("same interpreter" in item for item in AUDIT["residual"])
