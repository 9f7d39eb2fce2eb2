"""The error a probe raises when student code breaks the contract, and how a student's
exception reads as one line of data.

Both sides of a probe call need these: a probe raises ``ContractError`` and turns a
student's exception into text it returns; the worker's child, which runs the probe,
recognises ``ContractError`` as a contract failure and words every other exception the
same way. They live in the probe library so that the library imports nothing of the worker.
"""

from __future__ import annotations

import re

__all__ = ["ContractError", "error_text", "exception_text", "short_paths", "shorten_paths_under"]


class ContractError(Exception):
    """Student code returned something that breaks the contract (wrong type, shape...)."""


_SHORTENED_PREFIXES: list[str] = []


def shorten_paths_under(*folders: str) -> None:
    """Paths under these folders are shown relative to them in messages to students."""
    _SHORTENED_PREFIXES[:] = [folder.rstrip("/") + "/" for folder in folders if folder]


def short_paths(text: str) -> str:
    """'task13_pipeline.py, line 4' rather than a staging path nobody recognises."""
    for prefix in _SHORTENED_PREFIXES:
        text = text.replace(prefix, "")
    return text


_TRACED_FRAME = re.compile(r'File "([^"/]+)", line (\d+), in (\w+)')


def exception_text(exc: BaseException, limit: int = 600) -> str:
    """One readable line describing an exception raised by student code.

    TensorFlow wraps errors raised while tracing in a long "in user code:" listing; it is
    condensed to the final error and the student's own frames.
    """
    text = short_paths(f"{type(exc).__name__}: {str(exc).strip()}")
    if "in user code:" in text:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        frames = [f"{name}, line {line} in {function}"
                  for name, line, function in _TRACED_FRAME.findall(text)]
        text = lines[-1] + (f" (at {'; '.join(frames)})" if frames else "")
    return text[:limit]


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_FUNCTION_NODE = re.compile(r"\{\{function_node [^}]*\}\}\s*")


def error_text(exc: BaseException) -> str:
    """``exception_text`` without Keras' call wrapper: the error's own message in one line.

    Keras wraps errors raised inside a layer's ``call`` as "Exception encountered when
    calling X.call(). <message> Arguments received by X.call(): ..."; the message is kept.
    """
    text = _FUNCTION_NODE.sub("", _ANSI.sub("", exception_text(exc, limit=4000)))
    text = text.split("Arguments received by", 1)[0]
    text = re.sub(r"Exception encountered when calling [\w.]+\(\)\.\s*", "", text)
    text = re.sub(r"\s+name:\s*$", "", " ".join(text.split()))
    return text[:400]
