"""Reading YAML that people write (``answers.yaml``, teaching assistants' scores): data only.

Plain scalars stay the text as written: ``2024-02-30``, ``1e10``, ``0x1F``, a 5,000-digit
number and ``yes``/``no``/``on``/``off`` are strings (the checks of structured keys read
numbers and shapes themselves, ``grader.testing``); only ``null``/``~``/empty (None) and
``true``/``false`` (YAML 1.2 booleans) mean something else. Refused, each with line and
column: aliases (an alias bomb is a few lines), tags other than the plain ones, keys that
are not plain scalars, nesting deeper than ``MAX_DEPTH`` and a key written twice. Anything
else PyYAML raises becomes an ``AnswersError`` too: a student's YAML never crashes the grader.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode

from grader.text import clean_data, utf8_text

MAX_ANSWERS_BYTES = 1024 * 1024
MAX_DEPTH = 50


class AnswersError(Exception):
    """answers.yaml cannot be read; the message names the file, line and column."""


class _DataLoader(yaml.SafeLoader):
    """SafeLoader reduced to strings, lists, mappings, null and true/false."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.depth, self.last_mark = 0, None

    def compose_node(self, parent, index):  # type: ignore[override]
        event = self.peek_event()
        self.last_mark = event.start_mark
        if isinstance(event, yaml.events.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed", event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"lists and mappings are nested more than {MAX_DEPTH} deep", event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node, deep=False):  # type: ignore[override]
        self.last_mark = node.start_mark
        return super().construct_object(node, deep)

    def flatten_mapping(self, node):  # type: ignore[override]
        """No merge keys (``<<``): a ``!!merge`` key is refused like any other tag."""

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        seen: dict = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode):
                raise ConstructorError(None, None, "a key must be plain text, not a list or mapping",
                                       key_node.start_mark)
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise ConstructorError(
                    None, None, f"{key!r} appears twice (first on line {seen[key] + 1})", key_node.start_mark)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)

    def construct_bool(self, node) -> bool:
        text = self.construct_scalar(node)
        if text.lower() not in ("true", "false"):
            raise ConstructorError(None, None, f"!!bool must be true or false, not {text[:40]!r}", node.start_mark)
        return text.lower() == "true"

    def refuse_tag(self, node) -> None:
        raise ConstructorError(None, None, f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not "
                               "allowed: write plain text", node.start_mark)


_DataLoader.yaml_constructors = {
    "tag:yaml.org,2002:null": SafeConstructor.construct_yaml_null,
    "tag:yaml.org,2002:bool": _DataLoader.construct_bool,
    "tag:yaml.org,2002:str": SafeConstructor.construct_yaml_str,
    "tag:yaml.org,2002:seq": SafeConstructor.construct_yaml_seq,
    "tag:yaml.org,2002:map": SafeConstructor.construct_yaml_map,
    None: _DataLoader.refuse_tag,
}
_DataLoader.yaml_implicit_resolvers = {}
_DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_DataLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
                                  ["~", "n", "N", ""])


def load_yaml(text: str, filename: str) -> Any:
    """The data of one YAML document; AnswersError naming ``filename`` (line, column) otherwise."""
    try:
        loader = _DataLoader(text)  # refuses non-printable characters here
    except yaml.reader.ReaderError as exc:
        raise AnswersError(f"{filename}{_where(_mark_at(text, exc.position))}: "
                           f"character #x{exc.character:04x} is not allowed in YAML") from None
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        raise AnswersError(f"{filename}{_where(exc.problem_mark or exc.context_mark)}: "
                           f"{exc.problem or exc.context}") from None
    except Exception as exc:  # noqa: BLE001 - whatever PyYAML raises, the student gets a problem
        raise AnswersError(f"{filename}{_where(loader.last_mark)}: cannot be read as YAML "
                           f"({type(exc).__name__}: {str(exc)[:120]})") from None
    finally:
        loader.dispose()


def parse_answers(data: bytes, filename: str = "answers.yaml") -> dict:
    """Parse answers.yaml into ``{"task29": {...}, ...}``; raise AnswersError when unreadable."""
    if len(data) > MAX_ANSWERS_BYTES:
        raise AnswersError(f"{filename} is larger than {MAX_ANSWERS_BYTES // 1024} KiB")
    document = load_yaml(utf8_text(data, filename, AnswersError), filename)
    if document is None:
        return {}
    if not isinstance(document, dict):
        raise AnswersError(f"{filename}: the top level must be a mapping of task keys (task01: ...)")
    return clean_data({str(key): value for key, value in document.items()})  # "\ud800" escapes


def _mark_at(text: str, position: int) -> yaml.Mark:
    line = text.count("\n", 0, position)
    return yaml.Mark("", position, line, position - (text.rfind("\n", 0, position) + 1), None, None)


def _where(mark: yaml.Mark | None) -> str:
    return f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
