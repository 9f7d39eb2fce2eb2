"""Student text escaped for the output it leaves through: one function per format.

Whatever a student controls (file and folder names, answers, exception messages, the
feedback quoting them) is passed through the function of the output's own format just
before that output is written. HTML needs nothing here: Jinja2 autoescapes every template.
``grader.text`` has already replaced lone surrogates where the text entered; these
functions stay safe on them anyway.
"""

from __future__ import annotations

import re
import secrets

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, lone surrogates
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BACKTICKS = re.compile("`+")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_PREFIX = "'"


def visible(char: str) -> str:
    """A character as the escape a person can read (``\\x1b``, ``\\u202e``), never as what it does."""
    code = ord(char)
    if char in "\n\r":
        return "\\n" if char == "\n" else "\\r"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _visible_match(match: re.Match) -> str:
    return visible(match.group())


def terminal(text: str, one_line: bool = False) -> str:
    """Text a terminal shows but never acts on: no escape sequences, cursor moves or reordering."""
    text = _TERMINAL_CONTROLS.sub(_visible_match, text)
    return text.replace("\n", "\\n") if one_line else text


def csv_cell(text: str) -> str:
    """A text cell a spreadsheet shows as text, not a formula; a leading ``'`` marks it (reversibly)."""
    return CSV_PREFIX + text if text.startswith(FORMULA_STARTS + (CSV_PREFIX,)) else text


def csv_cell_read(text: str) -> str:
    """The text ``csv_cell`` was given: its one leading ``'`` removed."""
    return text[len(CSV_PREFIX):] if text.startswith(CSV_PREFIX) else text


def xml_text(text: str) -> str:
    """Text within XML 1.0's Char production (ElementTree writes anything; strict parsers refuse it)."""
    return _NOT_XML_CHAR.sub(_visible_match, text)


def markdown_code(text: str) -> str:
    """A Markdown code span the text cannot close: shown literally, no link, image, HTML or heading."""
    flat = terminal(text, one_line=True)  # a line break could end the span's paragraph
    fence = "`" * (1 + max((len(run) for run in _BACKTICKS.findall(flat)), default=0))
    return f"{fence} {flat} {fence}"


def markdown_text(text: str) -> str:
    """Text GitHub's Markdown shows as written, on one line: fit for a table cell or a list item.

    ASCII punctuation Markdown acts on is backslash-escaped (a table's ``|`` among it, and
    the ``:`` and ``.`` that would make a web address a link), ``&`` and ``<`` become
    entities, a line break a space, and a word joiner follows ``@`` so that no address
    becomes a mailto link (tests render it with cmark-gfm, GitHub's renderer).
    """
    flat = terminal(re.sub(r"\r\n|[\r\n]", " ", text))
    return "".join(_MARKDOWN_SAFE.get(char) or (f"\\{char}" if char in _MARKDOWN_PUNCTUATION else char)
                   for char in flat)


_MARKDOWN_PUNCTUATION = set("\\`*_{}[]()#+-.!|~>:$^=\"'")
_MARKDOWN_SAFE = {"&": "&amp;", "<": "&lt;", "@": "@\u2060"}


def actions_log(text: str) -> str:
    """Text a GitHub Actions log prints without running any ``::command::`` line in it."""
    token = secrets.token_hex(16)
    while token in text:  # pragma: no cover - 128 random bits
        token = secrets.token_hex(16)
    body = text.rstrip("\n")
    return f"::stop-commands::{token}\n{body}\n::{token}::\n"
