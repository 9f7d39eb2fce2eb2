"""Tasks 8 and 9: the mean squared error and its gradient, in NumPy.

The mean (not the sum, Task 9) over all elements keeps the loss and its gradient
independent of the number of samples, so one learning rate fits every batch size.
"""

import numpy as np


def mse(targets, predictions):
    errors = np.asarray(predictions, dtype=np.float64) - np.asarray(targets, dtype=np.float64)
    return float(np.mean(errors ** 2))


def mse_gradient(targets, predictions):
    errors = np.asarray(predictions, dtype=np.float64) - np.asarray(targets, dtype=np.float64)
    return 2.0 * errors / errors.size
