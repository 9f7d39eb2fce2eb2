"""Task 44, the Keras 3 trap: the reference with @tf.function on `call`."""

import tensorflow as tf


class DenseBlock(tf.keras.layers.Layer):
    def __init__(self, num_layers, growth_rate, **kwargs):
        super().__init__(**kwargs)
        self.norms = [tf.keras.layers.BatchNormalization() for _ in range(num_layers)]
        self.convs = [tf.keras.layers.Conv2D(growth_rate, 3, padding="same") for _ in range(num_layers)]

    @tf.function
    def call(self, x, training=False):
        for norm, conv in zip(self.norms, self.convs):
            new_maps = conv(tf.nn.relu(norm(x, training=training)))
            x = tf.concat([x, new_maps], axis=-1)
        return x
