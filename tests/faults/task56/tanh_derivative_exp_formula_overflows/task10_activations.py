import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_derivative(z):
    return (z > 0) * 1.0


def tanh(z):
    return np.tanh(z)


def tanh_derivative(z):
    # d/dz tanh(z) = 4 e^(2z) / (e^(2z) + 1)^2
    e2z = np.exp(2 * z)
    return 4 * e2z / (e2z + 1) ** 2


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)
