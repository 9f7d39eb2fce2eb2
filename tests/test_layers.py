"""The trusted side's layers, as its folders show them, and no import cycle anywhere.

Low to high: the vocabulary (``domain``, ``catalog``, ``text``, ``exit_codes``, ``compat``: the
supported TensorFlow range); ``intake``
(reading submissions), ``testing`` (what task checks import, including the worker's
``ErrorKind`` of the failures they meet), ``sandbox`` (the worker's launcher and client);
``checks`` (pytest in the trusted process); ``engine`` (one submission end to end);
``outputs`` (a finished run to files, never grading); ``course`` (a whole class);
``similarity`` (a class's similarity findings as staff pages and a spreadsheet);
``commands`` (argparse and exit codes). A layer imports only the layers its rule names.
The sandbox side (``worker``, ``probes``) has its own rule in test_boundary.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GRADER = Path(__file__).resolve().parent.parent / "grader"
VOCABULARY = {"grader", "domain", "catalog", "text", "exit_codes", "compat"}
ALLOWED = {
    "domain": set(), "text": set(), "exit_codes": set(), "grader": set(), "compat": set(), "notebook": set(),
    "catalog": {"domain"},
    "intake": VOCABULARY,
    "testing": VOCABULARY | {"worker"},  # a check's errors speak the worker's ErrorKind
    "sandbox": VOCABULARY | {"worker"},
    "checks": VOCABULARY | {"testing", "sandbox", "worker"},
    "engine": VOCABULARY | {"intake", "testing", "checks", "sandbox", "worker"},
    "outputs": VOCABULARY,
    "course": VOCABULARY | {"intake", "testing", "checks", "sandbox", "worker", "engine", "outputs"},
    "similarity": VOCABULARY | {"intake", "checks", "outputs", "course"},
    "commands": VOCABULARY | {"intake", "checks", "sandbox", "engine", "outputs", "course", "similarity"},
    "__main__": {"commands"},
}
TRUSTED_FILES = sorted(path for path in GRADER.rglob("*.py") if "public_tasks" not in path.parts
                       and path.relative_to(GRADER).parts[0] not in ("worker", "probes"))


def module_name(path: Path) -> str:
    parts = path.relative_to(GRADER.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    """``grader.outputs.html`` -> ``outputs``; ``grader.engine`` -> ``engine``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "grader"


def grader_imports(path: Path) -> set[str]:
    """Every grader module ``path`` imports, at module level or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {_resolve(f"{node.module}.{alias.name}") or node.module for alias in node.names}
    return {name for name in found if name.split(".")[0] == "grader"}


def _resolve(dotted: str) -> str | None:
    """``from grader.course import batch`` imports the module grader.course.batch."""
    relative = Path(*dotted.split("."))
    exists = (GRADER.parent / relative).with_suffix(".py").is_file() or (GRADER.parent / relative).is_dir()
    return dotted if exists else None


@pytest.mark.parametrize("path", TRUSTED_FILES, ids=lambda path: str(path.relative_to(GRADER.parent)))
def test_each_layer_imports_only_the_layers_below_it(path):
    own = layer(module_name(path))
    assert own in ALLOWED, f"{path.relative_to(GRADER.parent)} belongs to no layer: add it to ALLOWED"
    wrong = sorted(name for name in grader_imports(path) if layer(name) not in ALLOWED[own] | {own})
    assert not wrong, f"{own} may import {sorted(ALLOWED[own])}; {path.name} imports {wrong}"


@pytest.mark.parametrize("path", TRUSTED_FILES, ids=lambda path: str(path.relative_to(GRADER.parent)))
def test_the_trusted_side_reaches_the_worker_only_through_its_protocol(path):
    """The wire's records and kinds are the worker's public face; its loader, jail and child are not."""
    inner = sorted(name for name in grader_imports(path)
                   if layer(name) == "worker" and name != "grader.worker.protocol")
    assert not inner, f"{path.name} imports {inner}: use grader.worker.protocol, the records on the wire"


def import_graph() -> dict[str, set[str]]:
    files = [path for path in GRADER.rglob("*.py") if "public_tasks" not in path.parts]
    known = {module_name(path) for path in files}
    return {module_name(path): {name for name in grader_imports(path) if name in known} for path in files}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), or a module importing itself."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while not component or component[-1] != node:
                component.append(stack.pop())
                on_stack.discard(component[-1])
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_through_others():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"a"}}) == [["a"]] and cycles({"a": {"b"}, "b": set()}) == []


def test_every_layer_rule_is_used():
    layers = {layer(module_name(path)) for path in TRUSTED_FILES}
    assert layers == set(ALLOWED), f"rules for missing layers or layers without rules: {layers ^ set(ALLOWED)}"
