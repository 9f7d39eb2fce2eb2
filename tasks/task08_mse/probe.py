"""Task 8 probes: evaluate the student's mse and mse_gradient on seeded arrays.

Nothing is judged here: the probe returns the inputs and what the student's functions
returned, including mse at perturbed predictions for finite differences in the checks.
"""

import numpy as np

from grader.probes.numpy_nets import describe_output, scalar_output

SCALES = (0.0, 0.5, 1.0, 2.0, -1.0)
RESHAPES = ((12,), (3, 4), (2, 6), (2, 2, 3))


def _pair(shape, seed):
    rng = np.random.default_rng(seed)
    targets = rng.normal(size=shape)
    return targets, targets + rng.normal(size=shape)


def losses(student, shape=(4, 3), seed=0):
    """mse on one pair, on its errors scaled, on other error patterns and on reshaped copies."""
    targets, predictions = _pair(shape, seed)
    errors = predictions - targets
    scaled = [[factor, scalar_output(student.mse(targets, targets + factor * errors))]
              for factor in SCALES]
    patterns = []
    for offset in (1, 2, 3):
        t, p = _pair(shape, seed + 100 * offset)
        patterns.append({"targets": t, "predictions": p, "loss": scalar_output(student.mse(t, p))})
    reshaped = [{"shape": list(new_shape),
                 "loss": scalar_output(student.mse(targets.reshape(new_shape), predictions.reshape(new_shape)))}
                for new_shape in RESHAPES if int(np.prod(new_shape)) == targets.size]
    return {"targets": targets, "predictions": predictions,
            "loss": scalar_output(student.mse(targets, predictions)),
            "scaled": scaled, "patterns": patterns, "reshaped": reshaped}


def gradient(student, shape=(4, 3), seed=0, step=0.01):
    """mse_gradient, and mse at predictions +- step along every element (central differences)."""
    targets, predictions = _pair(shape, seed)
    returned = describe_output(student.mse_gradient(targets, predictions))
    plus, minus = np.zeros(targets.size), np.zeros(targets.size)
    for index in range(targets.size):
        bump = np.zeros(targets.size)
        bump[index] = step
        bump = bump.reshape(targets.shape)
        plus[index] = _value(student.mse(targets, predictions + bump))
        minus[index] = _value(student.mse(targets, predictions - bump))
    return {"targets": targets, "predictions": predictions, "step": step, "gradient": returned,
            "loss_plus": plus.reshape(targets.shape), "loss_minus": minus.reshape(targets.shape)}


def _value(value):
    result = scalar_output(value)["value"]
    return np.nan if result is None else result
