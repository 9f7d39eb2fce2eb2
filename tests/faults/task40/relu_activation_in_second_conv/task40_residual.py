"""Task 40: residual block with activation="relu" on both convolutions."""

import tensorflow as tf


class ResidualBlock(tf.keras.layers.Layer):
    def __init__(self, filters, strides=1):
        super().__init__()
        self.filters, self.strides = filters, strides
        self.conv1 = tf.keras.layers.Conv2D(filters, 3, strides=strides, padding="same", activation="relu")
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.conv2 = tf.keras.layers.Conv2D(filters, 3, padding="same", activation="relu")
        self.bn2 = tf.keras.layers.BatchNormalization()
        self.proj = tf.keras.layers.Conv2D(filters, 1, strides=strides)

    def call(self, x, training=False):
        y = self.bn1(self.conv1(x), training=training)
        y = self.bn2(self.conv2(y), training=training)
        if self.strides != 1 or x.shape[-1] != self.filters:
            x = self.proj(x)
        return tf.nn.relu(y + x)
