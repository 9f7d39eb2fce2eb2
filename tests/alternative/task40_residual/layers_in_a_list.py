# Mia: my branch is a Python list of layers, super(ResidualBlock, self).__init__(), Add and
# Activation("relu") layers, the projection decided in call, and training=None by default.
import tensorflow as tf


class ResidualBlock(tf.keras.layers.Layer):
    def __init__(self, filters, strides=1):
        super(ResidualBlock, self).__init__()
        self.filters = filters
        self.strides = strides
        self.branch = [
            tf.keras.layers.Conv2D(filters, kernel_size=3, strides=strides, padding="same"),
            tf.keras.layers.BatchNormalization(),
            tf.keras.layers.Activation("relu"),
            tf.keras.layers.Conv2D(filters, kernel_size=3, padding="same"),
            tf.keras.layers.BatchNormalization(),
        ]
        self.projection = [
            tf.keras.layers.Conv2D(filters, kernel_size=1, strides=strides),
            tf.keras.layers.BatchNormalization(),
        ]
        self.add = tf.keras.layers.Add()
        self.out = tf.keras.layers.Activation("relu")

    def call(self, x, training=None):
        y = x
        for layer in self.branch:
            y = layer(y, training=training)
        shortcut = x
        if self.strides != 1 or x.shape[-1] != self.filters:
            for layer in self.projection:
                shortcut = layer(shortcut, training=training)
        return self.out(self.add([y, shortcut]))
