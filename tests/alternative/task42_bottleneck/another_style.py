"""Task 42, another style: a pre-activation bottleneck (BN-ReLU before each convolution,
ResNet v2), Sequential branch, Add layer, no final ReLU, bias-free convolutions, the
projection created in build()."""

import tensorflow as tf

L = tf.keras.layers


class BottleneckBlock(L.Layer):
    def __init__(self, filters, bottleneck_ratio=4, **kwargs):
        super().__init__(**kwargs)
        self.out_channels = filters
        self.squeezed = int(filters / bottleneck_ratio)

    def build(self, input_shape):
        self.residual = tf.keras.Sequential([
            L.BatchNormalization(), L.Activation("relu"),
            L.Conv2D(self.squeezed, kernel_size=(1, 1), use_bias=False),
            L.BatchNormalization(), L.Activation("relu"),
            L.Conv2D(self.squeezed, kernel_size=(3, 3), padding="same", use_bias=False),
            L.BatchNormalization(), L.Activation("relu"),
            L.Conv2D(self.out_channels, kernel_size=(1, 1), use_bias=False),
        ])
        self.skip = (L.Conv2D(self.out_channels, kernel_size=1, use_bias=False)
                     if input_shape[-1] != self.out_channels else None)
        self.add = L.Add()

    def call(self, inputs, training=None):
        shortcut = inputs if self.skip is None else self.skip(inputs)
        return self.add([self.residual(inputs, training=training), shortcut])
