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
    """mse on one pair, on its errors scaled, with its elements permuted and on reshaped copies."""
    targets, predictions = _pair(shape, seed)
    errors = predictions - targets
    scaled = [[factor, scalar_output(student.mse(targets, targets + factor * errors))]
              for factor in SCALES]
    permuted = []
    for offset in (1, 2, 3):
        order = np.random.default_rng(seed + 100 * offset).permutation(targets.size)
        t, p = (a.reshape(-1)[order].reshape(shape) for a in (targets, predictions))
        permuted.append(scalar_output(student.mse(t, p)))
    reshaped = [{"shape": list(new_shape),
                 "loss": scalar_output(student.mse(targets.reshape(new_shape), predictions.reshape(new_shape)))}
                for new_shape in RESHAPES if int(np.prod(new_shape)) == targets.size]
    return {"targets": targets, "predictions": predictions,
            "loss": scalar_output(student.mse(targets, predictions)),
            "scaled": scaled, "permuted": permuted, "reshaped": reshaped}


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
    """The loss as one number: the mean of the values when mse returns several (Task 8's
    public check names that fault; the derivative is still measured)."""
    number = scalar_output(value)["number"]
    return np.nan if number is None else number
