"""Which task a notebook cell is tagged for, in the forms students write.

A tag is a cell's metadata ``tags`` entry or its first line, after any shell and magic
lines (``%%time``, ``!pip install ...``): ``# task29``, ``# Task 29``, ``## task29``,
``# task29_cnn``, ``#@title Task 29`` (a Colab form title, ``{ display-mode: "form" }``
and all); the first tag at the start of that line counts, whatever the line goes on to say
(``# task39 (builds on task 29)``). What looks like a tag but is not one for sure (a task
named later on the first line, or only further down the cell) tags nothing and gives a
hint naming the cell.
"""

from __future__ import annotations

import re

_TAG_WORD = r"task[ \t]*_?[ \t]*(\d{1,2})(?:_\w*|\.py)?(?![0-9A-Za-z])"
METADATA_TAG = re.compile(rf"^\s*{_TAG_WORD}\s*$", re.IGNORECASE)
TAG_LINE = re.compile(rf"^#+\s*(?:@title\s*)?{_TAG_WORD}", re.IGNORECASE)
MENTION = re.compile(r"(?<![A-Za-z])task[ \t]*_?[ \t]*(\d{1,2})(?!\d)", re.IGNORECASE)


def tag_name(number: str) -> str:
    """'29' -> 'task29', '6' -> 'task06'."""
    return f"task{int(number):02d}"


def metadata_tag(tags: object) -> str | None:
    """The first entry of a cell's metadata ``tags`` that names a task, as ``taskNN``."""
    for tag in tags if isinstance(tags, list) else []:
        match = METADATA_TAG.match(tag) if isinstance(tag, str) else None
        if match:
            return tag_name(match.group(1))
    return None


def first_code_line(source: str) -> tuple[int, str]:
    """The 1-based number and text of the first line that is not blank, shell or magic."""
    for number, line in enumerate(source.splitlines(), start=1):
        text = line.strip()
        if text and not text.startswith(("!", "%")):
            return number, text
    return 0, ""


def source_tag(source: str) -> tuple[str | None, str | None]:
    """(tag, None) for a cell tagged by its first line; (None, hint) when it only looks tagged."""
    number, line = first_code_line(source)
    match = TAG_LINE.match(line)
    if match:  # TASKS.md: a cell starting with `# taskNN` is that task's, whatever the line goes on to say
        return tag_name(match.group(1)), None
    named = _tasks_named(line) if line.startswith("#") else []
    if named:
        return None, _hint(named[0], "its first line does not start with the tag")
    later = _tasks_named("\n".join(source.splitlines()[number:]), comments_only=True)
    if later:
        return None, _hint(later[0], f'"Task {later[0]}" is named only after the first line')
    return None, None


def _hint(task: int, why: str) -> str:
    return (f"looks tagged for Task {task} but {why}: it was not graded; put "
            f"`# {tag_name(str(task))}` on its first line if it belongs to Task {task}")


def _tasks_named(text: str, comments_only: bool = False) -> list[int]:
    """The task numbers ``text`` mentions, in order, each once (comment lines only if asked)."""
    if comments_only:
        text = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    named: list[int] = []
    for match in MENTION.finditer(text):
        if int(match.group(1)) not in named:
            named.append(int(match.group(1)))
    return named
