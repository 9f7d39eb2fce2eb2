import numpy as np


def mse(targets, predictions):
    return float(((predictions - targets) ** 2).mean())


def mse_gradient(targets, predictions):
    return (predictions - targets) / predictions.size
