"""Observing a student's NumPy network or NumPy function as plain data.

Used by the tasks whose code is NumPy only (Task 6/54: an MLP with backpropagation;
Task 8/9: MSE; Task 10/56: activation functions). These helpers read what the student's
code returns, convert it to float64 arrays and raise ``ContractError`` when the value
is of the wrong kind. They hold no expected value: the trusted checks compare.

Correct code in any reasonable style must read alike: parameters stored as lists or
tuples (or as a property over separate weight and bias lists), biases shaped ``(n,)`` or
``(1, n)``, float32 or float64.

Whether a value is a NumPy array, a list or a tuple is read from its real type
(grader.probes.genuine), never from ``isinstance``, which believes a ``__class__``
property; the numbers are read with NumPy's own conversion and compared in the checks.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.probes.genuine import inherits, type_label
from grader.probes.values import described_type
from grader.worker.loader import ContractError


def float_array(value: Any, what: str) -> np.ndarray:
    """``value`` as a float64 array (copied), or a ContractError naming ``what``."""
    try:
        array = np.array(value, dtype=np.float64, copy=True)
    except (TypeError, ValueError) as exc:
        raise ContractError(f"{what} must be a NumPy array of numbers, not {type_label(value)} "
                            f"({exc})") from None
    return array


def describe_output(value: Any) -> dict[str, Any]:
    """What a NumPy function returned: its type, in words ("kind"), whether it is an ndarray, its values.

    ``values`` is a float64 copy (None when the value is not numeric at all), so the check
    can both insist on "NumPy out" and compare the numbers.
    """
    try:
        values = np.array(value, dtype=np.float64, copy=True)
    except (TypeError, ValueError):
        values = None
    return {"type": type_label(value), "kind": described_type(value),
            "is_ndarray": inherits(value, np.ndarray), "values": values}


def scalar_output(value: Any) -> dict[str, Any]:
    """A returned loss: its type (and in words), its size, its value (None unless one number)
    and ``number``: the value, or the mean of several values, so that the checks other than
    "returns one number" judge the numbers of a loss returned in the wrong shape."""
    kind = {"type": type_label(value), "kind": described_type(value)}
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return {**kind, "size": None, "value": None, "number": None}
    with np.errstate(all="ignore"):
        number = float(np.mean(array)) if array.size else None
    return {**kind, "size": int(array.size), "number": number,
            "value": float(array.reshape(-1)[0]) if array.size == 1 else None}


# --- MLP parameters -------------------------------------------------------------------

def read_params(model: Any, owner: str = "MLP.params") -> list[tuple[np.ndarray, np.ndarray]]:
    """The model's ``params`` as float64 ``(W, b)`` copies; ``b`` keeps its own shape."""
    params = getattr(model, "params", None)
    if not inherits(params, (list, tuple)) or not params:
        raise ContractError(f"{owner} must be a non-empty list of (W, b) pairs, not "
                            f"{type_label(params)}")
    layers = []
    for index, layer in enumerate(params):
        if not inherits(layer, (list, tuple)) or len(layer) != 2:
            raise ContractError(f"{owner}[{index}] must be a pair (W, b), not {type_label(layer)}")
        weights = float_array(layer[0], f"{owner}[{index}][0] (W)")
        bias = float_array(layer[1], f"{owner}[{index}][1] (b)")
        if weights.ndim != 2:
            raise ContractError(f"{owner}[{index}][0] (W) must be 2-D (n_in, n_out), "
                                f"not of shape {weights.shape}")
        layers.append((weights, bias))
    return layers


def params_as_data(layers: list[tuple[np.ndarray, np.ndarray]]) -> dict[str, Any]:
    """Plain data for the checks: weights, biases flattened to (n_out,), original bias shapes."""
    return {"W": [weights for weights, _ in layers],
            "b": [bias.reshape(-1) for _, bias in layers],
            "b_shapes": [list(bias.shape) for _, bias in layers]}


def assign_params(model: Any, layers: list[tuple[np.ndarray, np.ndarray]]) -> None:
    """Set ``model.params`` to ``layers`` in the student's own layout and dtypes.

    The containers (list or tuple, outer and per layer), each array's dtype and the
    bias shape are copied from what the model holds, so code that updates its
    parameters in place (``layer[0] -= ...`` on a list, ``W -= ...``) keeps working.
    """
    original = getattr(model, "params", None)
    current = read_params(model)
    if len(current) != len(layers):
        raise ContractError(f"MLP.params holds {len(current)} layers; expected {len(layers)}")
    rebuilt = []
    for index, ((weights, bias), old) in enumerate(zip(layers, original)):
        if tuple(current[index][0].shape) != tuple(weights.shape) or current[index][1].size != bias.size:
            raise ContractError(f"MLP.params[{index}] holds W {current[index][0].shape} and b "
                                f"{current[index][1].shape}; expected W {weights.shape} and "
                                f"{bias.size} biases")
        new_weights = np.array(weights, dtype=_float_dtype(old[0]), copy=True)
        new_bias = np.array(bias, dtype=_float_dtype(old[1]), copy=True).reshape(np.shape(old[1]))
        rebuilt.append(_same_container(old, (new_weights, new_bias)))
    try:
        model.params = _same_container(original, rebuilt)
    except AttributeError as exc:
        raise ContractError(f"MLP.params must be assignable (the grader sets it): {exc}") from None
    readback = read_params(model)
    for index, ((weights, bias), (got_w, got_b)) in enumerate(zip(layers, readback)):
        if not (np.allclose(got_w, weights, rtol=1e-5, atol=1e-6)
                and np.allclose(got_b.reshape(-1), bias.reshape(-1), rtol=1e-5, atol=1e-6)):
            raise ContractError(f"after `model.params = new_params`, model.params[{index}] does not "
                                "hold the new values: store the assigned parameters")


def _float_dtype(value: Any) -> np.dtype:
    dtype = np.asarray(value).dtype
    return dtype if dtype.kind == "f" else np.dtype(np.float64)


def _same_container(template: Any, items: Any) -> Any:
    if isinstance(template, tuple) and hasattr(template, "_fields"):  # a namedtuple
        return type(template)(*items)
    if isinstance(template, tuple):
        return tuple(items)
    return list(items)


def read_gradients(value: Any, layers: list[tuple[np.ndarray, np.ndarray]],
                   producer: str = "backward") -> dict[str, list[np.ndarray]]:
    """A returned list of ``(dW, db)`` as float64 arrays; ``db`` flattened to (n_out,)."""
    if not inherits(value, (list, tuple)):
        raise ContractError(f"{producer} must return a list of (dW, db) pairs, one per layer, not "
                            f"{type_label(value)}")
    if len(value) != len(layers):
        raise ContractError(f"{producer} returned {len(value)} entries for a network of "
                            f"{len(layers)} layers; return one (dW, db) pair per layer, in the "
                            "order of params")
    d_weights, d_biases = [], []
    for index, (pair, (weights, bias)) in enumerate(zip(value, layers)):
        if not inherits(pair, (list, tuple)) or len(pair) != 2:
            raise ContractError(f"{producer}()[{index}] must be a pair (dW, db), not {type_label(pair)}")
        d_w = float_array(pair[0], f"{producer}()[{index}][0] (dW)")
        d_b = float_array(pair[1], f"{producer}()[{index}][1] (db)")
        if d_w.shape != weights.shape:
            raise ContractError(f"{producer}()[{index}][0] (dW) has shape {d_w.shape}; it must have "
                                f"the shape of W, {weights.shape}")
        if d_b.size != bias.size:
            raise ContractError(f"{producer}()[{index}][1] (db) has {d_b.size} values; it must have "
                                f"one per unit ({bias.size}), like b")
        d_weights.append(d_w)
        d_biases.append(d_b.reshape(-1))
    return {"dW": d_weights, "db": d_biases}


def random_layers(sizes: list[int], seed: int, scale: float = 1.0) -> list[tuple[np.ndarray, np.ndarray]]:
    """Seeded parameters for ``sizes``: W ~ N(0, scale^2 / n_in), b ~ N(0, 0.1^2)."""
    rng = np.random.default_rng(seed)
    return [(rng.normal(0.0, scale / np.sqrt(n_in), (n_in, n_out)), rng.normal(0.0, 0.1, n_out))
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def classification_batch(count: int, features: int, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Seeded inputs N(0, 1) and one-hot targets with random labels."""
    rng = np.random.default_rng(seed + 1)
    x = rng.normal(size=(count, features))
    targets = np.eye(classes)[rng.integers(0, classes, size=count)]
    return x, targets
