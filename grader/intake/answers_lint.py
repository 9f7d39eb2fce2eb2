"""Warnings about answers.yaml, each naming the file and line: keys the grader never reads
(with the parts the question has) and answers it reads differently than a student may think
(one block for several parts, a list where text is expected).

Warnings never stop grading: an answers.yaml that cannot be read at all is a problem of
its own (``grader.intake.answers``), and this module then says nothing.
"""

from __future__ import annotations

import difflib
import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from grader.catalog import Catalog
from grader.domain import BLOCK_KEY, TaskSpec
from grader.intake.answers import _DataLoader

MAX_WARNINGS = 50


def lint_answers(data: bytes, catalog: Catalog, filename: str = "answers.yaml") -> tuple[str, ...]:
    """Every warning for ``data``, in file order; nothing when it is not a readable mapping."""
    root = _root(data)
    if not isinstance(root, MappingNode):
        return ()
    tasks = {task.id: task for task in catalog.tasks}
    warnings: list[str] = []
    for key_node, value_node in root.value:
        if not isinstance(key_node, ScalarNode):
            continue  # refused by the parser, which reports it
        where = f"{filename}, line {key_node.start_mark.line + 1}"
        task = tasks.get(key_node.value)
        if task is None:
            warnings.append(f"{where}: {_shown(key_node.value)} is not a task key{_close(key_node.value, tasks)}"
                            f" (keys are {catalog.tasks[0].id} … {catalog.tasks[-1].id}); it is ignored")
        else:
            warnings += _task_warnings(task, value_node, where, filename)
    if len(warnings) > MAX_WARNINGS:
        warnings[MAX_WARNINGS:] = [f"{filename}: {len(warnings) - MAX_WARNINGS} more warnings not shown"]
    return tuple(warnings)


def _root(data: bytes) -> Node | None:
    try:
        loader = _DataLoader(data.decode("utf-8-sig"))
    except Exception:  # noqa: BLE001 - unreadable files are reported by the parser, not here
        return None
    try:
        return loader.get_single_node()
    except Exception:  # noqa: BLE001
        return None
    finally:
        loader.dispose()


def _task_warnings(task: TaskSpec, node: Node, where: str, filename: str) -> list[str]:
    if isinstance(node, MappingNode):
        return _mapping_warnings(task, node, filename)
    if isinstance(node, SequenceNode):
        return [f"{where}: {task.id} is a list; write its parts as keys ({_parts(task)})"]
    if not _answered(node):
        return []
    warnings = []
    if task.answers:
        keys = ", ".join(answer.key for answer in task.answers)
        warnings.append(f"{where}: {task.id} is plain text, so its structured answers ({keys}) are missing: "
                        "give each its own key")
    if len(task.written) > 1:
        warnings.append(f"{where}: {task.id} is answered in one block: it is reviewed as one answer "
                        f"covering parts {', '.join(part.key for part in task.written)}")
    elif not task.written:
        warnings.append(f"{where}: {task.id} has no written part, so this text is not graded")
    return warnings


def _mapping_warnings(task: TaskSpec, node: MappingNode, filename: str) -> list[str]:
    known = {answer.key for answer in task.answers} | {part.key for part in task.written}
    written = {part.key for part in task.written}
    answered = {key.value for key, value in node.value
                if isinstance(key, ScalarNode) and key.value in written and _answered(value)}
    warnings = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            continue
        where, key = f"{filename}, line {key_node.start_mark.line + 1}", key_node.value
        if key in written and isinstance(value_node, (MappingNode, SequenceNode)):
            warnings.append(f"{where}: {task.id}.{key} is a list or mapping, not text: it counts as missing")
        elif key == BLOCK_KEY and key not in known and task.written and _answered(value_node):
            warnings += _block_warning(task, answered, where)
        elif key not in known:
            warnings.append(f"{where}: {task.id}.{_shown(key, quote=False)} names no part of {task.id}"
                            f"{_close(key, known)} (its parts: {_parts(task)}); it is ignored")
    return warnings


def _block_warning(task: TaskSpec, answered: set[str], where: str) -> list[str]:
    """How ``taskNN.answer`` is read when the question's parts have other names."""
    rest = [part.key for part in task.written if part.key not in answered]
    if not rest:
        return [f"{where}: {task.id}.{BLOCK_KEY} is not reviewed: every part of {task.id} "
                f"({_parts(task, written_only=True)}) has its own answer"]
    if len(task.written) == 1:
        return [f"{where}: {task.id}.{BLOCK_KEY} is read as {task.id}.{rest[0]}"]
    given = f" ({', '.join(sorted(answered))} answered on their own)" if answered else ""
    return [f"{where}: {task.id}.{BLOCK_KEY} is reviewed as one block covering parts {', '.join(rest)}{given}"]


def _answered(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag != "tag:yaml.org,2002:null" and bool(node.value.strip())


def _parts(task: TaskSpec, written_only: bool = False) -> str:
    keys = [part.key for part in task.written]
    if not written_only:
        keys = [answer.key for answer in task.answers] + keys
    return ", ".join(keys) or "none"


def _close(key: str, known) -> str:
    """' (did you mean task08?)' for 'task8' or 'Task 08', else the closest name, if any is close."""
    number = re.fullmatch(r"\s*task[\s_-]*0*(\d{1,2})\s*", key[:100], re.IGNORECASE)
    if number and f"task{int(number.group(1)):02d}" in known and key not in known:
        return f" (did you mean task{int(number.group(1)):02d}?)"
    match = difflib.get_close_matches(key[:100], sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {match[0]}?)" if match else ""


def _shown(key: str, quote: bool = True) -> str:
    text = key if len(key) <= 40 else key[:40] + "…"
    return repr(text) if quote else text
