"""Tasks 10 and 56: activation functions and their derivatives, in NumPy.

Derivatives take the pre-activation z. tanh'(z) = 1 - tanh(z)^2 goes to 0 for large |z|
(saturation: vanishing gradients, Task 56); relu'(z) is 1 for every z > 0 and 0 otherwise
(also at z = 0, by convention).
"""

import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_derivative(z):
    return (np.asarray(z) > 0).astype(np.float64)


def tanh(z):
    return np.tanh(z)


def tanh_derivative(z):
    return 1.0 - np.tanh(z) ** 2


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=np.float64)))  # no overflow


def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    exp = np.exp(z - z.max(axis=-1, keepdims=True))  # stable: the largest exponent is 0
    return exp / exp.sum(axis=-1, keepdims=True)
