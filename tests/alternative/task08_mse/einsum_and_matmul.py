# Noah: the sum of squares as a dot product (e @ e on the flat errors, np.einsum for the
# gradient's scaling), float64 on the way in.
import numpy as np


def mse(targets, predictions):
    errors = (np.asarray(predictions, np.float64) - np.asarray(targets, np.float64)).reshape(-1)
    return errors @ errors / errors.shape[0]


def mse_gradient(targets, predictions):
    errors = np.asarray(predictions, np.float64) - np.asarray(targets, np.float64)
    return np.einsum("...,->...", errors, 2.0 / errors.size)
