"""What a probe demands of what the student's code returned, and how it says no.

A probe raises ``ContractError`` when student code returned something of the wrong kind
(the check fails with that message); the ``expect_*`` helpers here raise it, naming what
really came back. Which kind an object is, is decided by its real MRO
(grader.probes.genuine), never by ``isinstance`` or by what the object says.

``ContractError`` (grader.probes.errors) is the class the worker's child reports as a
contract failure; probes take it from here, like ``exception_text`` and ``error_text``,
which turn a student's exception into one line of data.
"""

from __future__ import annotations

from typing import Any, Callable

import keras

from grader.probes.errors import ContractError, error_text, exception_text
from grader.probes.genuine import class_label, inherits
from grader.probes.values import described_type

__all__ = ["ContractError", "error_text", "exception_text", "expect_dataset", "expect_keras_object",
           "expect_layer", "expect_model", "seeded_keras_object"]


def expect_model(value: Any, producer: str) -> Any:
    """``value`` if it really is a Keras model (by its MRO), else a ContractError naming what came back."""
    if not inherits(value, keras.Model):
        raise ContractError(f"{producer} must return a tf.keras.Model, but returned "
                            f"{class_label(type(value))}")
    return value


def expect_keras_object(value: Any, producer: str) -> Any:
    """``value`` if it is a Keras layer (a Model is one): whatever can be measured, is.

    A Layer where the contract asks for a Model is named by one check
    (``called_layers.model_identity``), not by every check failing.
    """
    if not inherits(value, keras.Layer):
        raise ContractError(f"{producer} must return a tf.keras.Model, but returned "
                            f"{class_label(type(value))}")
    return value


def expect_layer(value: Any, producer: str) -> Any:
    """``value`` if it really is a Keras layer (by its MRO), else a ContractError naming what came back."""
    if not inherits(value, keras.layers.Layer):
        raise ContractError(f"{producer} must be a tf.keras.layers.Layer, but it is "
                            f"{class_label(type(value))}")
    return value


def expect_dataset(value: Any, producer: str) -> Any:
    """``value`` if it really is a ``tf.data.Dataset`` (by its MRO), else a ContractError."""
    import tensorflow as tf

    if not inherits(value, tf.data.Dataset):
        raise ContractError(f"{producer} must return a tf.data.Dataset, not {described_type(value)}")
    return value


def seeded_keras_object(factory: Callable[..., Any], name: str, seed: int = 0, **arguments: Any) -> Any:
    """``factory(**arguments)`` after seeding every generator, expected to be a Keras layer or model.

    Arguments that are None are left out, so the student's defaults apply; ``name`` is the
    factory's name as the student wrote it, for the message ("build_model(num_classes=3)").
    """
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    given = {key: value for key, value in arguments.items() if value is not None}
    call = f"{name}({', '.join(f'{key}={value}' for key, value in given.items())})"
    return expect_keras_object(factory(**given), call)
