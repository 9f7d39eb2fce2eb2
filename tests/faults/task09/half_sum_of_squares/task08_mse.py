import numpy as np


def mse(targets, predictions):
    # the 1/2 makes the derivative nicer
    return 0.5 * np.sum((predictions - targets) ** 2)


def mse_gradient(targets, predictions):
    return predictions - targets
