"""Task 40 - Residual block design fail.

The quiz shows a residual block whose design is broken. Write a correct ResNet basic
block as a Keras layer:

    class ResidualBlock(tf.keras.layers.Layer):
        __init__(self, filters, strides=1)
        call(self, x, training=False) -> tensor of shape
            (batch, ceil(height / strides), ceil(width / strides), filters)

    residual branch: Conv2D(filters, 3x3, strides, padding "same") -> BatchNormalization
                     -> ReLU -> Conv2D(filters, 3x3, padding "same") -> BatchNormalization
    shortcut:        the input itself when it already has the output's shape
                     (strides == 1 and `filters` input channels); otherwise a 1x1
                     Conv2D(filters, strides=strides) (a projection)
    output:          ReLU(residual branch + shortcut): the addition comes BEFORE the final
                     ReLU, and no activation is applied to the branch right before adding.

The grader calls the layer on small image batches with different filters, strides and
input channels, in training and in inference mode; name your sublayers as you like.
"""

import tensorflow as tf


class ResidualBlock(tf.keras.layers.Layer):
    def __init__(self, filters, strides=1, **kwargs):
        super().__init__(**kwargs)
        raise NotImplementedError("Task 40: create the convolutions, BatchNormalization and shortcut")

    def call(self, x, training=False):
        raise NotImplementedError("Task 40: residual branch + shortcut, then ReLU")
