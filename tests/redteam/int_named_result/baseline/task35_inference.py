"""predict_digit returns a NumPy integer in a class of its own."""

import numpy as np
import tensorflow as tf


class Index:
    def __init__(self, value):
        self.value = value

    def __array__(self, dtype=None, copy=None):
        return np.asarray(self.value, dtype=dtype)

    def __index__(self):
        return np.asarray(self.value).item()


def predict_digit(model: tf.keras.Model, image: np.ndarray):
    x = tf.expand_dims(tf.cast(image, tf.float32) / 127.5 - 1.0, axis=0)
    return Index(np.argmax(model(x, training=False)[0]))
