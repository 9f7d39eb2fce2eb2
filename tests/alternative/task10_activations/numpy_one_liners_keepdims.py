# Mia: the lecture's one-liners in float64, the derivative of ReLU as a boolean mask cast
# to float, and softmax with keepdims after subtracting the maximum.
import numpy as np


def relu(z):
    return np.maximum(z, 0.)


def relu_derivative(z):
    return (z > 0).astype(np.float64)


def tanh(z):
    return np.tanh(z)


def tanh_derivative(z):
    return 1. - np.tanh(z) ** 2


def sigmoid(z):
    return np.exp(-np.logaddexp(0., -z))


def softmax(z):
    shifted = z - np.max(z, axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / np.sum(exp, axis=-1, keepdims=True)
