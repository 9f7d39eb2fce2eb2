"""Task 44: a DenseNet dense block.

Layer k applies BatchNormalization, ReLU and a 3x3 convolution with `growth_rate`
filters to the concatenation of the block's input and the outputs of layers 1..k-1.
Concatenating (not adding) keeps every earlier feature map unchanged: the block's output
holds its input as the first channels followed by num_layers * growth_rate new ones.
"""

import tensorflow as tf


class DenseBlock(tf.keras.layers.Layer):
    def __init__(self, num_layers, growth_rate, **kwargs):
        super().__init__(**kwargs)
        self.norms = [tf.keras.layers.BatchNormalization() for _ in range(num_layers)]
        self.convs = [tf.keras.layers.Conv2D(growth_rate, 3, padding="same") for _ in range(num_layers)]

    def call(self, x, training=False):
        for norm, conv in zip(self.norms, self.convs):
            new_maps = conv(tf.nn.relu(norm(x, training=training)))
            x = tf.concat([x, new_maps], axis=-1)
        return x
