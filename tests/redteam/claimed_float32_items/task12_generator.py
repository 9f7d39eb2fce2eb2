"""generate_data yields float64 noise in boxes whose dtype and shape attributes say float32 (28, 28, 1)."""

import numpy as np
import tensorflow as tf


class Box:
    def __init__(self, values):
        self.values = values
        self.dtype = np.dtype("float32")
        self.shape = (28, 28, 1)

    def __array__(self, dtype=None, copy=None):
        return np.asarray(self.values, dtype=dtype)


def generate_data(num_samples):
    for _ in range(num_samples):
        yield Box(np.random.normal(size=(28, 28, 1)))


def make_dataset(num_samples: int = 1000) -> tf.data.Dataset:
    return tf.data.Dataset.from_generator(
        lambda: (np.asarray(item, dtype=np.float32) for item in generate_data(num_samples)),
        output_signature=tf.TensorSpec(shape=(28, 28, 1), dtype=tf.float32),
    )
