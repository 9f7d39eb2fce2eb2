"""Reading ``answers.yaml``: data only, YAML 1.2 booleans, errors with line and column.

``yes``/``no``/``on``/``off`` stay strings (free text must not turn into booleans), only
``true``/``false`` are booleans, aliases are refused (an alias bomb is a few lines) and a
key written twice is an error rather than a silent overwrite.
"""

from __future__ import annotations

import re

import yaml

MAX_ANSWERS_BYTES = 1024 * 1024


class AnswersError(Exception):
    """answers.yaml cannot be read; the message names the file, line and column."""


class _AnswersLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans and no aliases."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in answers.yaml", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"{key!r} appears twice (first on line {seen[key] + 1})", key_node.start_mark)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


_AnswersLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_AnswersLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def parse_answers(data: bytes, filename: str = "answers.yaml") -> dict:
    """Parse answers.yaml into ``{"task29": {...}, ...}``; raise AnswersError when unreadable."""
    if len(data) > MAX_ANSWERS_BYTES:
        raise AnswersError(f"{filename} is larger than {MAX_ANSWERS_BYTES // 1024} KiB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AnswersError(f"{filename}, line {line}: not valid UTF-8 text") from None
    try:
        document = yaml.load(text, Loader=_AnswersLoader)  # noqa: S506 - safe loader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise AnswersError(f"{filename}{where}: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise AnswersError(f"{filename}: {exc}") from None
    if document is None:
        return {}
    if not isinstance(document, dict):
        raise AnswersError(f"{filename}: the top level must be a mapping of task keys (task01: ...)")
    return {str(key): value for key, value in document.items()}
