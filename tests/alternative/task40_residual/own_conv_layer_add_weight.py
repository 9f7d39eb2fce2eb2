# Lea: my own Conv layer like in the course's custom-layer notebook (add_weight in build,
# tf.nn.conv2d in call, random_normal bias), Keras BatchNormalization, super(Cls, self).
import tensorflow as tf


class Conv(tf.keras.layers.Layer):
    def __init__(self, filters, kernel_size, strides=1):
        super(Conv, self).__init__()
        self.filters = filters
        self.kernel_size = kernel_size
        self.strides = strides

    def build(self, input_shape):
        self.w = self.add_weight(shape=(self.kernel_size, self.kernel_size, input_shape[-1], self.filters),
                                 initializer="glorot_uniform", trainable=True)
        self.b = self.add_weight(shape=(self.filters,), initializer="random_normal", trainable=True)

    def call(self, inputs):
        return tf.nn.conv2d(inputs, self.w, strides=self.strides, padding="SAME") + self.b


class ResidualBlock(tf.keras.layers.Layer):
    def __init__(self, filters, strides=1):
        super(ResidualBlock, self).__init__()
        self.filters = filters
        self.strides = strides
        self.conv1 = Conv(filters, 3, strides)
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.conv2 = Conv(filters, 3)
        self.bn2 = tf.keras.layers.BatchNormalization()
        self.shortcut = None

    def build(self, input_shape):
        if self.strides != 1 or input_shape[-1] != self.filters:
            self.shortcut = Conv(self.filters, 1, self.strides)

    def call(self, x, training=False):
        skip = x if self.shortcut is None else self.shortcut(x)
        h = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        h = self.bn2(self.conv2(h), training=training)
        return tf.nn.relu(h + skip)
