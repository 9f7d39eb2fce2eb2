import numpy as np


def mse(targets, predictions):
    return np.mean(np.square(targets - predictions))


def mse_gradient(targets, predictions):
    return 2 * (targets - predictions) / targets.size
