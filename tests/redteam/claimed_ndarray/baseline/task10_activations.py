"""relu answers with a Python list in a box, claiming nothing."""

import numpy as np


class Box:
    """Holds a list; NumPy reads its values through __array__."""

    def __init__(self, values):
        self.values = values

    def __array__(self, dtype=None, copy=None):
        return np.asarray(self.values, dtype=dtype)


def relu(z):
    return Box(np.maximum(z, 0.0).tolist())


def relu_derivative(z):
    return (np.asarray(z) > 0).astype(np.float64)


def tanh(z):
    return np.tanh(z)


def tanh_derivative(z):
    return 1.0 - np.tanh(z) ** 2


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=np.float64)))


def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    exp = np.exp(z - z.max(axis=-1, keepdims=True))
    return exp / exp.sum(axis=-1, keepdims=True)
