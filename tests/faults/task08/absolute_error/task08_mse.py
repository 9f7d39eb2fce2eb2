import numpy as np


def mse(targets, predictions):
    return float(np.mean(np.abs(predictions - targets)))


def mse_gradient(targets, predictions):
    return np.sign(predictions - targets) / np.size(predictions)
