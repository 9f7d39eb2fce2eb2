# Mia: copies first, then in-place updates (+=, -=), epsilon inside the square root.
import numpy as np


def adagrad_update(param, grad, accumulator, learning_rate=0.01, epsilon=1e-7):
    param, accumulator = np.copy(param), np.copy(accumulator)
    accumulator += grad ** 2
    param -= learning_rate * grad / np.sqrt(accumulator + epsilon)
    return param, accumulator


def rmsprop_update(param, grad, mean_square, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    param, mean_square = np.copy(param), np.copy(mean_square)
    mean_square *= rho
    mean_square += (1 - rho) * grad ** 2
    param -= learning_rate * grad / np.sqrt(mean_square + epsilon)
    return param, mean_square
