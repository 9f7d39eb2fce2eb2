"""What a student reads when a notebook file cannot be read: sentences, not library wording.

``json`` says "Unterminated string starting at"; ``nbformat`` says "ValidationError: ...
missing an expected key" or "could not be converted from version 3 to version 4". Each
becomes a sentence that names the file (and line) and what to do about it.
"""

from __future__ import annotations

import json
import re

SAVE_AGAIN = "open it in Jupyter or Colab, save it again and re-download it"
_JSON_WORDS = {
    "Unterminated string starting at": "a string (text in double quotes) never ends",
    "Expecting value": "a value is expected",
    "Expecting ',' delimiter": "a comma is missing",
    "Expecting ':' delimiter": "a colon is missing",
    "Expecting property name enclosed in double quotes": "a name in double quotes is expected",
    "Extra data": "more text follows the end of the notebook",
    "Invalid control character at": "a string holds a control character",
    "Invalid \\escape": "a string holds an invalid backslash escape",
}
_MISSING_KEY = re.compile(r"missing (?:an expected key|a key): ['\"]?([\w ]+?)['\"]?$")
_CONVERTED = re.compile(r"converted from version (\d+) to version (\d+)")
_UNSUPPORTED = re.compile(r"Unsupported nbformat version (\S+)")


def json_problem(filename: str, text: str, exc: json.JSONDecodeError) -> str:
    """The sentence for a notebook whose JSON text is broken or cut short."""
    if exc.msg.startswith("Unterminated string"):
        return (f"{filename}, line {exc.lineno}: not a complete notebook file (the JSON text ends inside a "
                f"string that starts at line {exc.lineno}, so the file looks truncated): save the notebook "
                "again and re-download it")
    if exc.pos >= len(text.rstrip()):
        return (f"{filename}, line {exc.lineno}: not a complete notebook file (the JSON text stops before the "
                "notebook ends, so the file looks truncated): save the notebook again and re-download it")
    words = next((said for start, said in _JSON_WORDS.items() if exc.msg.startswith(start)), exc.msg)
    return (f"{filename}, line {exc.lineno}, column {exc.colno}: not a notebook file Jupyter can open "
            f"(its JSON text is broken here: {words}); was it edited by hand? {SAVE_AGAIN}")


def nbformat_problem(filename: str, exc: Exception) -> str:
    """The sentence for a notebook that is JSON but not a notebook nbformat can read."""
    message = str(exc).strip()
    converted, missing = _CONVERTED.search(message), _MISSING_KEY.search(message)
    unsupported = _UNSUPPORTED.search(message)
    if converted:
        what = f" (it has no '{missing.group(1)}' entry)" if missing else ""
        return (f"{filename} is an old notebook (format {converted.group(1)}) that could not be updated to "
                f"format {converted.group(2)}{what}: {SAVE_AGAIN}")
    if unsupported:
        return (f"{filename} says it is notebook format {unsupported.group(1)}, which Jupyter does not "
                f"know: {SAVE_AGAIN}")
    if missing:
        return (f"{filename} is not a notebook file Jupyter can open: a part of it has no "
                f"'{missing.group(1)}' entry (was it edited by hand or written by another program?): {SAVE_AGAIN}")
    return f"{filename} is not a notebook file Jupyter can open ({message[:160]}): {SAVE_AGAIN}"
