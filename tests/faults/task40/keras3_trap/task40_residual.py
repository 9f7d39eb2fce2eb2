"""Task 40, the Keras 3 trap: the reference with @tf.function on `call` and no build()."""

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
        self.projection = tf.keras.layers.Conv2D(filters, 1, strides=strides)

    @tf.function
    def call(self, x, training=False):
        if self.strides != 1 or x.shape[-1] != self.filters:
            shortcut = self.projection(x)
        else:
            shortcut = x
        y = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        y = self.bn2(self.conv2(y), training=training)
        return tf.nn.relu(y + shortcut)
