"""Task 42: bottleneck block with three 3x3 convolutions."""

import tensorflow as tf


class BottleneckBlock(tf.keras.layers.Layer):
    def __init__(self, filters, bottleneck_ratio=4):
        super().__init__()
        self.filters = filters
        inner = filters // bottleneck_ratio
        self.branch = tf.keras.Sequential([
            tf.keras.layers.Conv2D(inner, 3, padding="same"),
            tf.keras.layers.BatchNormalization(),
            tf.keras.layers.ReLU(),
            tf.keras.layers.Conv2D(inner, 3, padding="same"),
            tf.keras.layers.BatchNormalization(),
            tf.keras.layers.ReLU(),
            tf.keras.layers.Conv2D(filters, 3, padding="same"),
            tf.keras.layers.BatchNormalization(),
        ])
        self.project = tf.keras.layers.Conv2D(filters, 1)

    def call(self, x, training=False):
        shortcut = x if x.shape[-1] == self.filters else self.project(x)
        return tf.nn.relu(self.branch(x, training=training) + shortcut)
