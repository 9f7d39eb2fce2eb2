"""Tasks 8 and 9 with mse returning the squared error of every element (no mean taken)."""

import numpy as np


def mse(targets, predictions):
    return (np.asarray(predictions) - np.asarray(targets)) ** 2


def mse_gradient(targets, predictions):
    errors = np.asarray(predictions) - np.asarray(targets)
    return 2.0 * errors / errors.size
