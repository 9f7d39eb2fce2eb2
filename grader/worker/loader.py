"""Loads a student's module by path and exposes only the names a task declares.

This is the whole surface that crosses from student code to a probe: a probe asks
``student.build_cnn`` and gets the object, or a clear ``MissingName`` error.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import sys
from types import ModuleType
from typing import Any, Iterator


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


class MissingName(Exception):
    """The student's module does not define a name the task reads."""


class ContractError(Exception):
    """Student code returned something that breaks the contract (wrong type, shape...)."""


def load_module(name: str, path: str) -> ModuleType:
    """Execute the file at ``path`` as module ``name``, registered in ``sys.modules``.

    AutoGraph reads a function's source through its module, so the module must be
    registered before it runs; ``python -B`` keeps ``__pycache__`` out of the submission.
    """
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


class StudentCode:
    """The declared names of one student module, as a probe sees them."""

    def __init__(self, module: ModuleType, filename: str, names: list[str]):
        self._module = module
        self._filename = filename
        self._names = frozenset(names)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in self._names:
            raise AttributeError(f"the task does not declare the name {name!r}")
        try:
            return getattr(self._module, name)
        except AttributeError:
            raise MissingName(f"{self._filename} does not define `{name}`") from None

    def module_level(self, predicate) -> dict[str, Any]:
        """Module-level objects that satisfy ``predicate``, under any name (``__step`` too)."""
        return {name: value for name, value in vars(self._module).items() if predicate(value)}

    @contextlib.contextmanager
    def replaced(self, name: str, value: Any) -> Iterator[None]:
        """Swap a module-level name for the duration of a probe (e.g. to count calls)."""
        original = getattr(self, name)
        setattr(self._module, name, value)
        try:
            yield
        finally:
            setattr(self._module, name, original)


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
