# Lea: a Pointwise subclass of Conv2D for the 1x1 convolutions, the branch as a functional
# model made in build(), tf.nn.relu and tf.add in call.
import tensorflow as tf


class Pointwise(tf.keras.layers.Conv2D):
    def __init__(self, filters):
        super().__init__(filters, kernel_size=1, padding="valid")


class BottleneckBlock(tf.keras.layers.Layer):
    def __init__(self, filters, bottleneck_ratio=4):
        super().__init__()
        self.filters = filters
        self.bottleneck_ratio = bottleneck_ratio

    def build(self, input_shape):
        inner = self.filters // self.bottleneck_ratio
        inputs = tf.keras.Input(shape=tuple(input_shape[1:]))
        h = tf.keras.layers.ReLU()(tf.keras.layers.BatchNormalization()(Pointwise(inner)(inputs)))
        h = tf.keras.layers.Conv2D(inner, 3, padding="same")(h)
        h = tf.keras.layers.ReLU()(tf.keras.layers.BatchNormalization()(h))
        h = tf.keras.layers.BatchNormalization()(Pointwise(self.filters)(h))
        self.branch = tf.keras.Model(inputs, h)
        self.projection = Pointwise(self.filters) if input_shape[-1] != self.filters else None

    def call(self, x, training=False):
        shortcut = x if self.projection is None else self.projection(x)
        return tf.nn.relu(tf.add(self.branch(x, training=training), shortcut))
