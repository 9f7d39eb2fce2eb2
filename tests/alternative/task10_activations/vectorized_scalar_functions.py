# Noah: each function written for one number with the math module (as on paper), then
# np.vectorize; softmax row by row with np.apply_along_axis.
import math

import numpy as np


def _sigmoid(x):
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


relu = np.vectorize(lambda x: x if x > 0 else 0.0, otypes=[float])
relu_derivative = np.vectorize(lambda x: 1.0 if x > 0 else 0.0, otypes=[float])
tanh = np.vectorize(math.tanh, otypes=[float])
tanh_derivative = np.vectorize(lambda x: 1.0 - math.tanh(x) ** 2, otypes=[float])
sigmoid = np.vectorize(_sigmoid, otypes=[float])


def _softmax_row(row):
    exps = [math.exp(value - max(row)) for value in row]
    total = sum(exps)
    return np.array([value / total for value in exps])


def softmax(z):
    return np.apply_along_axis(_softmax_row, -1, np.asarray(z, dtype=float))
