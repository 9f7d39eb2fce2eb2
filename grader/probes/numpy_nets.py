"""Observing a student's NumPy network or NumPy function as plain data.

Used by the tasks whose code is NumPy only (Task 6/54: an MLP with backpropagation;
Task 8/9: MSE; Task 10/56: activation functions). These helpers read what the student's
code returns, convert it to float64 arrays and raise ``ContractError`` when the value
is of the wrong kind. They hold no expected value: the trusted checks compare.

Correct code in any reasonable style must read alike: parameters stored as lists or
tuples (or as a property over separate weight and bias lists), biases shaped ``(n,)`` or
``(1, n)``, float32 or float64. Parameters in another layout than TASKS.md's list of
``(W, b)`` pairs (bias first, separate lists, one flat list) are read and assigned in
that layout too, so the one check of the layout names the fault and the others run.

Whether a value is a NumPy array, a list or a tuple is read from its real type
(grader.probes.genuine), never from ``isinstance``, which believes a ``__class__``
property; the numbers are read with NumPy's own conversion and compared in the checks.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.probes.errors import ContractError
from grader.probes.genuine import inherits, type_label
from grader.probes.values import described_type


def float_array(value: Any, what: str) -> np.ndarray:
    """``value`` as a float64 array (copied), or a ContractError naming ``what``."""
    try:
        array = np.array(value, dtype=np.float64, copy=True)
    except (TypeError, ValueError) as exc:
        raise ContractError(f"{what} must be a NumPy array of numbers, not {described_type(value)} "
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

REQUIRED_LAYOUT = ("a list of (W, b) pairs, one per layer from the input on, W shaped "
                   "(n_in, n_out) and b holding n_out values")
REQUIRED_GRADIENTS = ("a list of (dW, db) pairs, one per layer in the order of params, dW "
                      "shaped like W and db holding one value per unit")
# Where layer i's W and b sit in each layout a student may write (paths of indices).
_PATHS = {
    "pairs": lambda i: ((i, 0), (i, 1)),
    "pairs_bias_first": lambda i: ((i, 1), (i, 0)),
    "separate_lists": lambda i: ((0, i), (1, i)),
    "flat": lambda i: ((2 * i,), (2 * i + 1,)),
}
LAYOUT_WORDS = {
    "pairs": REQUIRED_LAYOUT,
    "pairs_bias_first": "(b, W) pairs: the bias first",
    "separate_lists": "two separate lists, all the weights and then all the biases",
    "flat": "one flat list W1, b1, W2, b2, ...",
}
Layers = list[tuple[np.ndarray, np.ndarray]]


def _at(container: Any, path: tuple[int, ...]) -> Any:
    """The item at ``path`` inside nested lists or tuples (their real types), else None."""
    for index in path:
        if not inherits(container, (list, tuple)) or index >= len(container):
            return None
        container = container[index]
    return container


def _shape(value: Any) -> tuple[int, ...] | None:
    try:
        return np.shape(np.array(value, dtype=np.float64))
    except (TypeError, ValueError):
        return None


def _fits(params: Any, layout: str, sizes: list[int]) -> bool:
    """Whether ``params`` holds, in ``layout``, W (n_in, n_out) and n_out biases for every layer."""
    count = len(sizes) - 1
    expected_length = {"separate_lists": 2, "flat": 2 * count}.get(layout, count)
    if not inherits(params, (list, tuple)) or len(params) != expected_length:
        return False
    if layout == "separate_lists" and any(not inherits(part, (list, tuple)) or len(part) != count
                                          for part in params):
        return False
    for index, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        if layout.startswith("pairs") and not (inherits(params[index], (list, tuple))
                                               and len(params[index]) == 2):
            return False
        w_path, b_path = _PATHS[layout](index)
        w_shape, b_shape = _shape(_at(params, w_path)), _shape(_at(params, b_path))
        if w_shape != (n_in, n_out) or b_shape is None or int(np.prod(b_shape)) != n_out:
            return False
    return True


def params_layout(model: Any, sizes: list[int]) -> str | None:
    """Which layout ``model.params`` has for ``sizes`` (see ``LAYOUT_WORDS``); None if none fits."""
    params = getattr(model, "params", None)
    return next((layout for layout in _PATHS if _fits(params, layout, sizes)), None)


def _unreadable(model: Any, sizes: list[int], owner: str) -> ContractError:
    params = getattr(model, "params", None)
    return ContractError(
        f"{owner} could not be read, so this check cannot run: for layer_sizes {sizes} TASKS.md "
        f"requires {REQUIRED_LAYOUT}; {owner} is {described_type(params)}"
        f"{' ' + _shapes_of(params) if inherits(params, (list, tuple)) else ''}.")


def _shapes_of(params: Any) -> str:
    def shape(item):
        if inherits(item, (list, tuple)):
            return "(" + ", ".join(shape(inner) for inner in item) + ")"
        found = _shape(item)
        return "?" if found is None else str(tuple(found))
    return "holding " + shape(params)


def read_params(model: Any, sizes: list[int], owner: str = "MLP.params") -> Layers:
    """The model's ``params`` as float64 ``(W, b)`` copies, from any layout ``params_layout`` knows."""
    layout = params_layout(model, sizes)
    if layout is None:
        raise _unreadable(model, sizes, owner)
    params = model.params
    return [tuple(float_array(_at(params, path), f"{owner} (layer {index})")
                  for path in _PATHS[layout](index)) for index in range(len(sizes) - 1)]


def params_as_data(layers: Layers) -> dict[str, Any]:
    """Plain data for the checks: weights, biases flattened to (n_out,), original bias shapes."""
    return {"W": [weights for weights, _ in layers],
            "b": [bias.reshape(-1) for _, bias in layers],
            "b_shapes": [list(bias.shape) for _, bias in layers]}


def assign_params(model: Any, layers: Layers) -> None:
    """Set ``model.params`` to ``layers`` in the student's own layout, containers and dtypes.

    The containers (list or tuple, outer and inner), each array's dtype and the bias shape
    are copied from what the model holds, so code that updates its parameters in place
    (``layer[0] -= ...`` on a list, ``W -= ...``) keeps working.
    """
    sizes = [layers[0][0].shape[0], *(weights.shape[1] for weights, _ in layers)]
    layout = params_layout(model, sizes)
    if layout is None:
        raise _unreadable(model, sizes, "MLP.params")
    original = model.params
    values = {}
    for index, new in enumerate(layers):
        for path, value in zip(_PATHS[layout](index), new):
            old = _at(original, path)
            values[path] = np.array(value, dtype=_float_dtype(old), copy=True).reshape(np.shape(old))
    try:
        model.params = _rebuilt(original, values)
    except AttributeError as exc:
        raise ContractError(f"MLP.params must be assignable (the grader sets it): {exc}") from None
    readback = read_params(model, sizes)
    for index, ((weights, bias), (got_w, got_b)) in enumerate(zip(layers, readback)):
        if not (np.allclose(got_w, weights, rtol=1e-5, atol=1e-6)
                and np.allclose(got_b.reshape(-1), bias.reshape(-1), rtol=1e-5, atol=1e-6)):
            raise ContractError(f"after `model.params = new_params`, layer {index} of MLP.params does "
                                "not hold the new values: store the assigned parameters")


def _rebuilt(original: Any, values: dict[tuple[int, ...], np.ndarray]) -> Any:
    """``original`` (nested at most two deep) with the arrays at the given paths replaced."""
    items = list(original)
    for index, item in enumerate(items):
        if (index,) in values:
            items[index] = values[(index,)]
        elif any(path[0] == index for path in values):
            inner = list(item)
            for path, value in values.items():
                if path[0] == index:
                    inner[path[1]] = value
            items[index] = _same_container(item, inner)
    return _same_container(original, items)


def _float_dtype(value: Any) -> np.dtype:
    dtype = np.asarray(value).dtype
    return dtype if dtype.kind == "f" else np.dtype(np.float64)


def _same_container(template: Any, items: Any) -> Any:
    if isinstance(template, tuple) and hasattr(template, "_fields"):  # a namedtuple
        return type(template)(*items)
    if isinstance(template, tuple):
        return tuple(items)
    return list(items)


def read_gradients(value: Any, layers: Layers, producer: str = "backward",
                   layout: str | None = "pairs") -> dict[str, list[np.ndarray]]:
    """A returned list of ``(dW, db)`` as float64 arrays; ``db`` flattened to (n_out,).

    Gradients in the layout the model's ``params`` has (``layout``) are read too: the
    params layout check names that fault once.
    """
    sizes = [layers[0][0].shape[0], *(weights.shape[1] for weights, _ in layers)]
    for candidate in dict.fromkeys([layout or "pairs", "pairs"]):
        if _fits(value, candidate, sizes):
            pairs = [[float_array(_at(value, path), f"{producer}() (layer {index})")
                      for path in _PATHS[candidate](index)] for index in range(len(layers))]
            return {"dW": [d_w for d_w, _ in pairs], "db": [d_b.reshape(-1) for _, d_b in pairs]}
    raise ContractError(
        f"{producer} must return {REQUIRED_GRADIENTS}; it returned {described_type(value)}"
        f"{' ' + _shapes_of(value) if inherits(value, (list, tuple)) else ''}.")


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
