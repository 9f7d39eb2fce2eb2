"""What an object really is, measured by identity, never by asking the object.

A submission can name its own class ``float``, give an object a ``__class__`` property
that answers ``np.ndarray`` (``isinstance`` believes it), register a class with an ABC,
or give its metaclass an ``__eq__`` that matches any class. ``type(x)`` is the
interpreter's own record, and identity with a class that existed before the submission
was imported cannot be faked without patching Python, NumPy, TensorFlow or Keras. The
worker imports the probe library before the student's module
(``grader/worker/child.py::_load_session``), so the snapshot taken here holds only the
classes of the standard library, NumPy, TensorFlow, Keras and the grader.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import tensorflow.python.data.ops as _dataset_ops

OWN_CLASS = " (a class of the submission)"

_class_name = type.__dict__["__name__"].__get__  # the class's own name slot, not a metaclass answer
_class_mro = type.__dict__["__mro__"].__get__
_subclasses = type.__dict__["__subclasses__"]


def _import_lazy_dataset_classes() -> None:
    """tf.data loads most transformations (cache, from_generator, ...) on first use: load them now."""
    for module in pkgutil.iter_modules(_dataset_ops.__path__):
        importlib.import_module(f"{_dataset_ops.__name__}.{module.name}")


def _classes_alive() -> dict[int, type]:
    """Every class that exists now, by id (identity: no class can compare equal to another)."""
    found: dict[int, type] = {id(object): object}
    stack = [object]
    while stack:
        for subclass in _subclasses(stack.pop()):
            if id(subclass) not in found:
                found[id(subclass)] = subclass
                stack.append(subclass)
    return found


_import_lazy_dataset_classes()
_BEFORE_SUBMISSION = _classes_alive()


def is_genuine(cls: type) -> bool:
    """Whether ``cls`` existed before the submission ran (a library's class, not the student's)."""
    return _BEFORE_SUBMISSION.get(id(cls)) is cls


def inherits(value: Any, base: type | tuple[type, ...]) -> bool:
    """``isinstance`` through the real MRO: no ``__class__`` answer, no ABC registration."""
    bases = base if type(base) is tuple else (base,)
    return any(klass is wanted for klass in _class_mro(type(value)) for wanted in bases)


def is_exactly(value: Any, cls: type) -> bool:
    return type(value) is cls


def genuine_base(cls: type) -> type:
    """The first class in ``cls``'s MRO that a library defined: whose methods can be trusted."""
    return next(klass for klass in _class_mro(cls) if is_genuine(klass))


def class_label(cls: type) -> str:
    """A class's name, marked when the submission defined it (so it never equals a library's)."""
    name = _class_name(cls)
    return name if is_genuine(cls) else name + OWN_CLASS


def type_label(value: Any) -> str:
    """The name of ``value``'s real type: 'float', 'EagerTensor', or 'float (a class of the submission)'."""
    return class_label(type(value))


def genuine_name(value: Any) -> str | None:
    """The real type's name when a library defined it, else None."""
    return _class_name(type(value)) if is_genuine(type(value)) else None
