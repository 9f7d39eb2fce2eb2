"""Task 44: dense block with conv -> BN -> ReLU layers (post-activation)."""

import tensorflow as tf


class DenseBlock(tf.keras.layers.Layer):
    def __init__(self, num_layers, growth_rate):
        super().__init__()
        self.blocks = [tf.keras.Sequential([tf.keras.layers.Conv2D(growth_rate, 3, padding="same"),
                                            tf.keras.layers.BatchNormalization(),
                                            tf.keras.layers.ReLU()])
                       for _ in range(num_layers)]

    def call(self, x, training=False):
        for block in self.blocks:
            x = tf.keras.layers.concatenate([x, block(x, training=training)])
        return x
