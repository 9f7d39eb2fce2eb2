"""Task 40: residual block whose shortcut is always a 1x1 convolution."""

import tensorflow as tf


class ResidualBlock(tf.keras.layers.Layer):
    def __init__(self, filters, strides=1):
        super().__init__()
        self.conv1 = tf.keras.layers.Conv2D(filters, 3, strides=strides, padding="same")
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.conv2 = tf.keras.layers.Conv2D(filters, 3, padding="same")
        self.bn2 = tf.keras.layers.BatchNormalization()
        self.shortcut = tf.keras.layers.Conv2D(filters, 1, strides=strides)

    def call(self, x, training=False):
        y = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        y = self.bn2(self.conv2(y), training=training)
        return tf.nn.relu(y + self.shortcut(x))
