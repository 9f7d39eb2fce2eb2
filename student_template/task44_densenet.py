"""Task 44 - DenseNet modified.

In a DenseNet, every layer of a dense block receives the feature maps of all layers
before it, joined by concatenation. Write a dense block as a Keras layer:

    class DenseBlock(tf.keras.layers.Layer):
        __init__(self, num_layers, growth_rate)
        call(self, x, training=False) -> tensor
            (batch, height, width, input_channels + num_layers * growth_rate)

    layer k (k = 1 .. num_layers): BatchNormalization -> ReLU -> Conv2D(growth_rate,
        3x3, padding "same"), applied to the concatenation (along the channel axis) of the
        block's input and the outputs of layers 1 .. k-1
    output: the block's input, unchanged, as the first channels, followed by the
        outputs of layers 1 .. num_layers in order

The grader calls the layer on small image batches with different numbers of layers,
growth rates and input channels; name your sublayers as you like.
"""

import tensorflow as tf


class DenseBlock(tf.keras.layers.Layer):
    def __init__(self, num_layers, growth_rate, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError("Task 44: create BatchNormalization and Conv2D layers for each layer")

    def call(self, x, training=False):
        raise NotImplementedError("Task 44: BN, ReLU, conv on the concatenation of all earlier maps")
