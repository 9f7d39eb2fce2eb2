import numpy as np


def mse(targets, predictions):
    return float(np.sum((targets - predictions) ** 2))


def mse_gradient(targets, predictions):
    return 2 * (predictions - targets)
