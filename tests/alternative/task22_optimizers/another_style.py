# Barbara's version: textbook formulas (epsilon outside the square root), NumPy ufuncs,
# and copies so that the caller's arrays are never modified.
import numpy as np


def adagrad_update(param, grad, accumulator, learning_rate=0.01, epsilon=1e-7):
    new_accumulator = np.add(accumulator, np.square(grad))
    step = learning_rate * grad / (np.sqrt(new_accumulator) + epsilon)
    return np.subtract(param, step), new_accumulator


def rmsprop_update(param, grad, mean_square, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    new_mean_square = np.array(mean_square, dtype=np.float64, copy=True)
    new_mean_square *= rho
    new_mean_square += (1 - rho) * np.square(grad)
    new_param = np.array(param, dtype=np.float64, copy=True)
    new_param -= learning_rate * grad / (np.sqrt(new_mean_square) + epsilon)
    return new_param, new_mean_square
