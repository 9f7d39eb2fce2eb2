"""Zero-initialised hidden layers in a Dense subclass of its own, claiming nothing."""

import tensorflow as tf


class ZeroDense(tf.keras.layers.Dense):
    def call(self, inputs, training=None):
        return self.activation(tf.matmul(inputs, self._kernel) + self.bias)


def build_model():
    return tf.keras.Sequential([
        tf.keras.Input(shape=(784,)),
        ZeroDense(64, activation="relu", kernel_initializer="zeros"),
        ZeroDense(10, activation="softmax", kernel_initializer="zeros"),
    ])
