"""normalize returns float64 NumPy values in a box, claiming nothing."""

import numpy as np


class Box:
    def __init__(self, values):
        self.values = values

    def __array__(self, dtype=None, copy=None):
        return np.asarray(self.values, dtype=dtype)


def normalize(images):
    return Box(np.asarray(images, dtype=np.float64) / 127.5 - 1.0)
