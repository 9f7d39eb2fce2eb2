"""Task 40, another style: layers made in build(), a Sequential branch, Add and ReLU layers,
bias-free convolutions and a BatchNormalization on the projection shortcut."""

import tensorflow as tf
from tensorflow.keras import layers


class ResidualBlock(layers.Layer):
    def __init__(self, filters, strides=1, name=None):
        super().__init__(name=name)
        self._filters = filters
        self._strides = (strides, strides)

    def build(self, input_shape):
        self.branch = tf.keras.Sequential([
            layers.Conv2D(self._filters, (3, 3), strides=self._strides, padding="same", use_bias=False),
            layers.BatchNormalization(momentum=0.9, epsilon=1e-5),
            layers.ReLU(),
            layers.Conv2D(self._filters, (3, 3), padding="same", use_bias=False),
            layers.BatchNormalization(momentum=0.9, epsilon=1e-5),
        ])
        if self._strides != (1, 1) or input_shape[-1] != self._filters:
            self.skip = tf.keras.Sequential([
                layers.Conv2D(self._filters, 1, strides=self._strides, padding="same", use_bias=False),
                layers.BatchNormalization(momentum=0.9, epsilon=1e-5),
            ])
        else:
            self.skip = layers.Identity()
        self.merge = layers.Add()
        self.activation = layers.ReLU()

    def call(self, inputs, training=None):
        return self.activation(self.merge([self.branch(inputs, training=training),
                                           self.skip(inputs, training=training)]))
