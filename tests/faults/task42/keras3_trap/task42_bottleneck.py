"""Task 42, the Keras 3 trap: the reference with @tf.function on `call` and no build()."""

import tensorflow as tf


class BottleneckBlock(tf.keras.layers.Layer):
    def __init__(self, filters, bottleneck_ratio=4, **kwargs):
        super().__init__(**kwargs)
        self.filters = filters
        inner = filters // bottleneck_ratio
        self.reduce = tf.keras.layers.Conv2D(inner, 1)
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.conv = tf.keras.layers.Conv2D(inner, 3, padding="same")
        self.bn2 = tf.keras.layers.BatchNormalization()
        self.expand = tf.keras.layers.Conv2D(filters, 1)
        self.bn3 = tf.keras.layers.BatchNormalization()
        self.projection = tf.keras.layers.Conv2D(filters, 1)

    @tf.function
    def call(self, x, training=False):
        shortcut = x if x.shape[-1] == self.filters else self.projection(x)
        y = tf.nn.relu(self.bn1(self.reduce(x), training=training))
        y = tf.nn.relu(self.bn2(self.conv(y), training=training))
        y = self.bn3(self.expand(y), training=training)
        return tf.nn.relu(y + shortcut)
