"""Student text made safe where it enters the trusted process.

Whatever a student controls (file and folder names, exception messages, answers,
notebook cells) can hold what a UTF-8 writer refuses: names that are not UTF-8 (Python
decodes them with surrogate escapes) and lone surrogates (JSON and YAML escapes such as
``"\\ud800"``). Each is cleaned once, where it is read, so nothing downstream crashes on
it. Escaping for a particular output (HTML, terminal, CSV, XML, Markdown) happens where
that output is written, not here.
"""

from __future__ import annotations

import os
import re
from typing import Any

_SURROGATES = re.compile("[\ud800-\udfff]")
# C0 and C1 control characters, DEL, '%' (so escaping stays reversible) and the path separator
_UNSAFE_IN_ID = re.compile("[\x00-\x1f\x7f-\x9f%/\\\\]")
REPLACEMENT = "\ufffd"


def clean(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (valid for any UTF-8 writer)."""
    return _SURROGATES.sub(REPLACEMENT, text)


def clean_data(value: Any) -> Any:
    """Plain data (dicts, lists, strings) with every string cleaned, keys included."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean_data(key): clean_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_data(item) for item in value]
    if isinstance(value, tuple):
        return tuple(clean_data(item) for item in value)
    return value


def display_name(name: str) -> str:
    """A file name as read from the OS (maybe surrogate-escaped bytes) as readable text."""
    return os.fsencode(name).decode("utf-8", "replace") if _SURROGATES.search(name) else name


def safe_id(name: str) -> str:
    """A submission id from a folder name: readable, unique and safe as a file name.

    Bytes that are not UTF-8 and control characters become ``%XX`` (as in URLs), so
    two different names never give the same id and the id holds nothing a terminal or
    file system would act on.
    """
    raw = os.fsencode(name)
    text = raw.decode("utf-8", "surrogateescape")
    out = []
    for char in text:
        if _SURROGATES.match(char):
            out.append(f"%{ord(char) - 0xDC00:02X}")
        elif _UNSAFE_IN_ID.match(char):
            out.append("".join(f"%{byte:02X}" for byte in char.encode("utf-8")))
        else:
            out.append(char)
    result = "".join(out)
    return "%2E" + result[1:] if result.startswith(".") else result


def utf8_text(data: bytes, filename: str, error: type[Exception], advice: str = "") -> str:
    """``data`` as text (a BOM dropped), or ``error`` naming the file and the line of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(f"{filename}, line {line}: not valid UTF-8 text{advice}") from None
