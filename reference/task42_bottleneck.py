"""Task 42: a bottleneck residual block (ResNet-50 style).

The residual branch squeezes the channels with a 1x1 convolution (filters //
bottleneck_ratio), applies the expensive 3x3 convolution on the few channels only, and
expands back to `filters` with a second 1x1 convolution; the shortcut (identity, or a
1x1 projection when the input has another number of channels) is added before the
final ReLU. That costs far fewer parameters than two 3x3 convolutions on all channels.
"""

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
        self.projection = None

    def build(self, input_shape):
        if input_shape[-1] != self.filters:
            self.projection = tf.keras.layers.Conv2D(self.filters, 1)

    def call(self, x, training=False):
        shortcut = x if self.projection is None else self.projection(x)
        y = tf.nn.relu(self.bn1(self.reduce(x), training=training))
        y = tf.nn.relu(self.bn2(self.conv(y), training=training))
        y = self.bn3(self.expand(y), training=training)
        return tf.nn.relu(y + shortcut)
