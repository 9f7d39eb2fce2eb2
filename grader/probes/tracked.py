"""What a Keras layer or model really holds, read through Keras' own base class.

A student's ``Model`` or ``Layer`` subclass may override ``layers``, ``weights``,
``trainable_variables``, ``count_params``, ``losses`` or ``_flatten_layers`` to answer
whatever a check hopes for (and a single layer object can carry such a method in its
instance ``__dict__``). These helpers never call the object's public answers: they use
``keras.Layer``'s own methods, taken here before the submission is imported, and walk
Keras' tracking (``_layers`` and the variable lists every layer keeps) themselves.

Residual risk: a class that redefines those private tracking attributes, or code that
patches Keras itself, can still hide state; see docs/attacks.md.
"""

from __future__ import annotations

import math
from typing import Any

import keras

_LAYER = keras.Layer
_flatten_layers = _LAYER._flatten_layers
_own_losses = _LAYER._get_own_losses
_is_trainable = _LAYER.trainable.fget


def sublayers(layer: Any, recursive: bool = True) -> list[Any]:
    """Every layer Keras tracks inside ``layer`` (each instance once), in Keras' own order."""
    found, seen = [], set()
    for sublayer in _flatten_layers(layer, include_self=False, recursive=recursive):
        if id(sublayer) not in seen:
            seen.add(id(sublayer))
            found.append(sublayer)
    return found


def weights(layer: Any) -> list[Any]:
    """The variables ``layer`` and its sublayers own, in the order of Keras' ``weights``."""
    found: list[Any] = []
    _collect_weights(layer, found, set(), set())
    return found


def _collect_weights(layer: Any, found: list, seen_variables: set, seen_layers: set) -> None:
    if id(layer) in seen_layers:
        return
    seen_layers.add(id(layer))
    for variable in [*layer._trainable_variables, *layer._non_trainable_variables]:
        if id(variable) not in seen_variables:
            seen_variables.add(id(variable))
            found.append(variable)
    for sublayer in layer._layers:
        _collect_weights(sublayer, found, seen_variables, seen_layers)


def trainable_weights(layer: Any) -> list[Any]:
    """What Keras' ``trainable_variables`` holds, whatever the subclass's property answers."""
    if not _is_trainable(layer):
        return []
    return [variable for variable in weights(layer) if variable.trainable]


def count_params(layer: Any) -> int:
    """The number of scalars in the variables ``layer`` really owns (Keras' ``count_params``)."""
    return sum(math.prod(int(d) for d in variable.shape) for variable in weights(layer))


def regularization_losses(model: Any) -> list[Any]:
    """Keras' ``model.losses``: losses added by the layers, then one per regularised weight."""
    losses = [*_own_losses(model)]
    for layer in sublayers(model):
        losses.extend(_own_losses(layer))
    for variable in trainable_weights(model):
        regularizer = variable.regularizer
        if regularizer is not None:
            losses.append(regularizer(variable))
    return losses
