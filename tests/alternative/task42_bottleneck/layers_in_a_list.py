# Mia: the branch is a Python list, super(BottleneckBlock, self).__init__(), Activation and
# Add layers, the projection decided in call, training=None by default.
import tensorflow as tf


class BottleneckBlock(tf.keras.layers.Layer):
    def __init__(self, filters, bottleneck_ratio=4):
        super(BottleneckBlock, self).__init__()
        self.filters = filters
        squeezed = filters // bottleneck_ratio
        self.branch = [
            tf.keras.layers.Conv2D(squeezed, 1),
            tf.keras.layers.BatchNormalization(),
            tf.keras.layers.Activation("relu"),
            tf.keras.layers.Conv2D(squeezed, 3, padding="same"),
            tf.keras.layers.BatchNormalization(),
            tf.keras.layers.Activation("relu"),
            tf.keras.layers.Conv2D(filters, 1),
            tf.keras.layers.BatchNormalization(),
        ]
        self.projection = tf.keras.layers.Conv2D(filters, 1)
        self.add = tf.keras.layers.Add()
        self.relu = tf.keras.layers.Activation("relu")

    def call(self, x, training=None):
        y = x
        for layer in self.branch:
            y = layer(y, training=training)
        shortcut = x if x.shape[-1] == self.filters else self.projection(x)
        return self.relu(self.add([y, shortcut]))
