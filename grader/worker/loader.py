"""Loads a student's module by path and exposes only the names a task declares.

This is the whole surface that crosses from student code to a probe: a probe asks
``student.build_cnn`` and gets the object, or a clear ``MissingName`` error.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
from types import ModuleType
from typing import Any, Iterator


class MissingName(Exception):
    """The student's module does not define a name the task reads."""


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
