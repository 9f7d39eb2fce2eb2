import numpy as np


def relu(z):
    z = np.array(z, dtype=float)
    z[z < 0] = 0
    return z


def relu_derivative(z):
    return (z >= 0).astype(float)


def tanh(z):
    return np.tanh(z)


def tanh_derivative(z):
    return 1.0 - np.square(np.tanh(z))


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(z):
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(shifted) / np.sum(np.exp(shifted), axis=-1, keepdims=True)
