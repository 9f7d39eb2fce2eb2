"""Task 56 probes: the student's tanh and ReLU derivatives where units saturate, and the
gradient factors they produce through a deep stack of layers.

The stack is h <- f(h + 1), 20 layers deep (identity weights, bias 1: every ReLU unit
is active). Backpropagating through it multiplies the gradient by f'(z) at every layer;
the probe records those factors with the student's functions, the checks multiply them.
"""

import numpy as np

from grader.probes.numpy_nets import describe_output, float_array

LARGE = (-1000.0, -50.0, -10.0, -5.0, 5.0, 10.0, 50.0, 1000.0)


def derivatives_on_array(student, seed=0):
    """tanh_derivative and relu_derivative on a (3, 4) array."""
    z = np.random.default_rng(seed).normal(0.0, 2.0, (3, 4))
    return {"z": z, "tanh_derivative": describe_output(student.tanh_derivative(z.copy())),
            "relu_derivative": describe_output(student.relu_derivative(z.copy()))}


def saturation(student):
    """Both derivatives at large |z|."""
    z = np.array(LARGE)
    with np.errstate(all="ignore"):
        return {"z": z, "tanh_derivative": describe_output(student.tanh_derivative(z.copy())),
                "relu_derivative": describe_output(student.relu_derivative(z.copy()))}


def deep_stack(student, depth=20, width=8, batch=4, seed=0):
    """Per layer: the pre-activations z and f'(z), for f = tanh and f = relu."""
    x = np.random.default_rng(seed).uniform(0.0, 1.0, (batch, width))
    result = {"depth": depth}
    with np.errstate(all="ignore"):
        for name in ("tanh", "relu"):
            activation = getattr(student, name)
            derivative = getattr(student, name + "_derivative")
            h, pre, factors = x, [], []
            for _ in range(depth):
                z = h + 1.0
                pre.append(z)
                factors.append(float_array(derivative(z.copy()), f"{name}_derivative(z)").reshape(z.shape))
                h = float_array(activation(z.copy()), f"{name}(z)").reshape(z.shape)
            result[name] = {"z": np.stack(pre), "factors": np.stack(factors)}
    return result
