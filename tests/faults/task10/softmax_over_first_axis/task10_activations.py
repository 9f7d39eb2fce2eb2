import numpy as np


def relu(z):
    return np.maximum(0, z)


def relu_derivative(z):
    return np.where(z > 0, 1.0, 0.0)


def tanh(z):
    return np.tanh(z)


def tanh_derivative(z):
    return 1 - np.tanh(z) ** 2


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    exp = np.exp(z - np.max(z))
    return exp / np.sum(exp, axis=0)
