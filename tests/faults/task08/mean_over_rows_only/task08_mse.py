import numpy as np


def mse(targets, predictions):
    n = len(targets)  # number of samples
    return np.sum((targets - predictions) ** 2) / n


def mse_gradient(targets, predictions):
    n = len(targets)
    return 2 * (predictions - targets) / n
