"""Task 42: bottleneck block that always reduces to filters // 4."""

import tensorflow as tf


class BottleneckBlock(tf.keras.layers.Layer):
    def __init__(self, filters, bottleneck_ratio=4):
        super().__init__()
        self.filters = filters
        self.reduce = tf.keras.layers.Conv2D(filters // 4, 1, activation="relu")
        self.conv = tf.keras.layers.Conv2D(filters // 4, 3, padding="same", activation="relu")
        self.expand = tf.keras.layers.Conv2D(filters, 1)
        self.project = tf.keras.layers.Conv2D(filters, 1)

    def call(self, x):
        shortcut = x if x.shape[-1] == self.filters else self.project(x)
        return tf.nn.relu(self.expand(self.conv(self.reduce(x))) + shortcut)
