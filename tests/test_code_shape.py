"""Code a newcomer can find their way in: modules under 300 lines, functions under 40.

Covers the engine (grader/) and every task's probe and checks (tasks/); a longer piece
is a sign that two ideas share one place.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES, MAX_FUNCTION_LINES = 300, 40
SOURCES = sorted(path for folder in ("grader", "tasks") for path in (ROOT / folder).rglob("*.py")
                 if "public_tasks" not in path.parts)


def long_functions(source: str) -> list[tuple[str, int]]:
    """(name, lines) of each function longer than the limit, from ``def`` to its last line."""
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_module_and_functions_are_short(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, f"{path.name} has {len(source.splitlines())} lines"
    assert long_functions(source) == [], f"functions over {MAX_FUNCTION_LINES} lines in {path.name}"


def test_the_measure_sees_a_long_function():
    body = "\n".join(f"    x{n} = {n}" for n in range(MAX_FUNCTION_LINES))
    assert long_functions(f"def long():\n{body}\n") == [("long", MAX_FUNCTION_LINES + 1)]
    assert long_functions("def short():\n    return 1\n") == []
