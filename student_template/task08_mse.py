"""Tasks 8 and 9 - Mean squared error (NumPy only).

    mse(targets, predictions) -> float
    mse_gradient(targets, predictions) -> np.ndarray

- `targets` and `predictions` are NumPy arrays of the same shape: (n,) or (n, k) or any
  other shape.
- `mse` returns the mean of the squared errors over ALL elements, as a float.
- `mse_gradient` returns the gradient of that mean with respect to `predictions`, an
  array of the shape of `predictions`.

Task 9 asks why the mean (MSE) and not the sum (SE) of the squared errors: your `mse`
must really be the mean.
"""

import numpy as np


def mse(targets: np.ndarray, predictions: np.ndarray) -> float:
    raise NotImplementedError("Task 8: the mean of the squared errors over all elements")


def mse_gradient(targets: np.ndarray, predictions: np.ndarray) -> np.ndarray:
    raise NotImplementedError("Task 8: the gradient of mse with respect to predictions")
