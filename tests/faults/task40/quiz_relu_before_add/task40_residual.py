"""Task 40: residual block (the ReLU is applied to the residual branch, then the shortcut is added)."""

import tensorflow as tf


class ResidualBlock(tf.keras.layers.Layer):
    def __init__(self, filters, strides=1, **kwargs):
        super().__init__(**kwargs)
        self.filters = filters
        self.strides = strides
        self.conv1 = tf.keras.layers.Conv2D(filters, 3, strides=strides, padding="same")
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.conv2 = tf.keras.layers.Conv2D(filters, 3, padding="same")
        self.bn2 = tf.keras.layers.BatchNormalization()
        self.projection = None

    def build(self, input_shape):
        if self.strides != 1 or input_shape[-1] != self.filters:
            self.projection = tf.keras.layers.Conv2D(self.filters, 1, strides=self.strides)

    def call(self, x, training=False):
        shortcut = x if self.projection is None else self.projection(x)
        y = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        y = tf.nn.relu(self.bn2(self.conv2(y), training=training))
        return y + shortcut
