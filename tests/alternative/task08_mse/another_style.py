# Ada's MSE: float32 throughout, the count of elements written out, np.square/np.subtract.
import numpy as np


def mse(targets, predictions):
    diff = np.subtract(np.asarray(predictions, np.float32), np.asarray(targets, np.float32))
    count = np.prod(diff.shape) if diff.shape else 1
    return (np.sum(np.square(diff)) / count).item()


def mse_gradient(targets, predictions):
    diff = np.subtract(np.asarray(predictions, np.float32), np.asarray(targets, np.float32))
    return np.multiply(diff, 2.0 / diff.size, dtype=np.float32)
