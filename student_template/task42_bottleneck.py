"""Task 42 - CNNs bottleneck.

A bottleneck block reduces the number of channels before the expensive 3x3
convolution and restores it afterwards. Write one as a Keras layer:

    class BottleneckBlock(tf.keras.layers.Layer):
        __init__(self, filters, bottleneck_ratio=4)
        call(self, x, training=False) -> tensor (batch, height, width, filters)

    residual branch: Conv2D 1x1 down to filters // bottleneck_ratio channels
                     -> Conv2D 3x3 (padding "same") with filters // bottleneck_ratio channels
                     -> Conv2D 1x1 up to `filters` channels
                     (BatchNormalization and ReLU between them, as in ResNet)
    shortcut:        the input itself when it already has `filters` channels, else a 1x1
                     Conv2D(filters) (a projection); added to the branch's output,
                     followed by a ReLU

The block must have fewer parameters than two plain 3x3 convolutions with `filters`
channels. The grader calls the layer on small image batches (with `filters` input
channels, and with fewer) and different bottleneck ratios; name your sublayers as you like.
"""

import tensorflow as tf


class BottleneckBlock(tf.keras.layers.Layer):
    def __init__(self, filters, bottleneck_ratio=4, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError("Task 42: create the 1x1, 3x3 and 1x1 convolutions and the shortcut")

    def call(self, x, training=False):
        raise NotImplementedError("Task 42: bottleneck branch + shortcut")
