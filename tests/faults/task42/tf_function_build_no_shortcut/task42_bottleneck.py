"""Task 42: @tf.function on `call` with a build() (no Keras 3 trap), but the shortcut is forgotten.

build() still makes the 1x1 projection for inputs with other channel counts; `call` never
uses it, so that one variable does not train, and nothing bypasses the bottleneck.
"""

import tensorflow as tf


class BottleneckBlock(tf.keras.layers.Layer):
    def __init__(self, filters, bottleneck_ratio=4, **kwargs):
        super().__init__(**kwargs)
        self.filters = filters
        self.inner = filters // bottleneck_ratio

    def build(self, input_shape):
        channels = input_shape[-1]
        self.down = tf.keras.layers.Conv2D(self.inner, 1, use_bias=False)
        self.mid = tf.keras.layers.Conv2D(self.inner, 3, padding="same", use_bias=False)
        self.up = tf.keras.layers.Conv2D(self.filters, 1, use_bias=False)
        self.norms = [tf.keras.layers.BatchNormalization() for _ in range(3)]
        shape = tuple(input_shape)
        for conv, norm in zip((self.down, self.mid, self.up), self.norms):
            conv.build(shape)
            shape = conv.compute_output_shape(shape)
            norm.build(shape)
        self.skip = None
        if channels != self.filters:
            self.skip = tf.keras.layers.Conv2D(self.filters, 1, use_bias=False)
            self.skip.build(tuple(input_shape))

    @tf.function
    def call(self, x, training=False):
        y = tf.nn.relu(self.norms[0](self.down(x), training=training))
        y = tf.nn.relu(self.norms[1](self.mid(y), training=training))
        y = self.norms[2](self.up(y), training=training)
        return tf.nn.relu(y)
