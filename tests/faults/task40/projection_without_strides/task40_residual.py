"""Task 40: residual block whose projection shortcut forgets the strides."""

import tensorflow as tf


class ResidualBlock(tf.keras.layers.Layer):
    def __init__(self, filters, strides=1):
        super().__init__()
        self.filters, self.strides = filters, strides
        self.conv1 = tf.keras.layers.Conv2D(filters, 3, strides=strides, padding="same")
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.conv2 = tf.keras.layers.Conv2D(filters, 3, padding="same")
        self.bn2 = tf.keras.layers.BatchNormalization()
        self.proj = tf.keras.layers.Conv2D(filters, 1)

    def call(self, x, training=False):
        y = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        y = self.bn2(self.conv2(y), training=training)
        shortcut = self.proj(x) if x.shape[-1] != self.filters or self.strides != 1 else x
        return tf.nn.relu(y + shortcut)
