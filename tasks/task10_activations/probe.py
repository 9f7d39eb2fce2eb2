"""Task 10 probes: evaluate every activation function on seeded inputs.

Each function gets its own copy of the input (so in-place code cannot disturb the
others); the probe returns the inputs and what came back. The checks compare.
"""

import numpy as np

from grader.probes.numpy_nets import describe_output
from grader.probes import exception_text

ELEMENTWISE = ("relu", "relu_derivative", "tanh", "tanh_derivative", "sigmoid")
LARGE_LOGITS = [[1000.0, 1000.0, 999.0], [-1000.0, 0.0, 1000.0],
                [1000.0, 1001.0, 1002.0], [-1000.0, -1000.0, -1001.0]]


def _inputs(seed):
    rng = np.random.default_rng(seed)
    grid = np.concatenate([np.linspace(-30.0, 30.0, 121), [0.0, -0.0, 1e-8, -1e-8, 0.5, -0.5],
                           rng.normal(0.0, 3.0, 40)])
    return grid, rng.normal(0.0, 2.0, (5, 7))


def elementwise(student, name, seed=0):
    """One element-wise function (``name``) on a 1-D grid (with 0) and on a (5, 7) array."""
    if name not in ELEMENTWISE:
        raise ValueError(f"not an element-wise function of the task: {name}")
    grid, matrix = _inputs(seed)
    function = getattr(student, name)
    with np.errstate(all="ignore"):
        return {"z": grid, "matrix": matrix, "out": _call(function, grid),
                "out_matrix": _call(function, matrix)}


def softmaxes(student, seed=0):
    """softmax on a vector, a (5, 7) matrix, a (2, 3, 4) array and on logits around 1000."""
    rng = np.random.default_rng(seed + 1)
    inputs = {"vector": rng.normal(0.0, 2.0, 6), "matrix": rng.normal(0.0, 2.0, (5, 7)),
              "cube": rng.normal(0.0, 2.0, (2, 3, 4)), "large": np.array(LARGE_LOGITS)}
    result = {"inputs": inputs}
    with np.errstate(all="ignore"):
        for name, z in inputs.items():
            result[name] = _call(student.softmax, z)
    return result


def _call(function, z):
    """What ``function`` returned for a copy of ``z``; a student's exception becomes data, so
    that one failing input (e.g. a 1-D vector for softmax(axis=1)) fails only its own check."""
    try:
        return {**describe_output(function(z.copy())), "error": None}
    except NotImplementedError:
        raise  # a stub: the task is missing, not wrong
    except Exception as exc:  # noqa: BLE001 - reported to the checks, which explain it
        return {"type": None, "kind": None, "is_ndarray": False, "values": None,
                "error": exception_text(exc)}
