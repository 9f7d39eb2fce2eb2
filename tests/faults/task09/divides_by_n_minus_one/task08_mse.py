import numpy as np


def mse(targets, predictions):
    errors = (predictions - targets).ravel()
    return float(errors @ errors / (errors.size - 1))  # unbiased, like the sample variance


def mse_gradient(targets, predictions):
    errors = predictions - targets
    return 2 * errors / (errors.size - 1)
