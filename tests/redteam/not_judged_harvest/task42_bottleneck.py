"""A bottleneck without a shortcut that springs the Keras 3 trap on purpose, hoping the
shortcut checks, left not judged, pay more than the trainability check costs."""

import tensorflow as tf


class BottleneckBlock(tf.keras.layers.Layer):
    def __init__(self, filters, bottleneck_ratio=4):
        super().__init__()
        inner = filters // bottleneck_ratio
        self.stack = [
            tf.keras.layers.Conv2D(inner, 1), tf.keras.layers.BatchNormalization(), tf.keras.layers.ReLU(),
            tf.keras.layers.Conv2D(inner, 3, padding="same"), tf.keras.layers.BatchNormalization(),
            tf.keras.layers.ReLU(),
            tf.keras.layers.Conv2D(filters, 1), tf.keras.layers.BatchNormalization(), tf.keras.layers.ReLU(),
        ]

    @tf.function
    def call(self, x, training=False):
        for layer in self.stack:
            x = layer(x, training=training)
        return x
