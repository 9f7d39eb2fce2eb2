# Tim: the block holds its kernels itself (add_weight in build, tf.nn.conv2d in call, no
# biases since BatchNormalization follows), Keras BatchNormalization layers in a list.
import tensorflow as tf


class BottleneckBlock(tf.keras.layers.Layer):
    def __init__(self, filters, bottleneck_ratio=4):
        super().__init__()
        self.filters = filters
        self.inner = filters // bottleneck_ratio
        self.bns = [tf.keras.layers.BatchNormalization() for _ in range(3)]

    def build(self, input_shape):
        c = input_shape[-1]
        self.k1 = self.add_weight(shape=(1, 1, c, self.inner), initializer="he_normal")
        self.k2 = self.add_weight(shape=(3, 3, self.inner, self.inner), initializer="he_normal")
        self.k3 = self.add_weight(shape=(1, 1, self.inner, self.filters), initializer="he_normal")
        self.proj = None
        if c != self.filters:
            self.proj = self.add_weight(shape=(1, 1, c, self.filters), initializer="he_normal")

    def call(self, x, training=False):
        skip = x if self.proj is None else tf.nn.conv2d(x, self.proj, 1, "SAME")
        h = tf.nn.relu(self.bns[0](tf.nn.conv2d(x, self.k1, 1, "SAME"), training=training))
        h = tf.nn.relu(self.bns[1](tf.nn.conv2d(h, self.k2, 1, "SAME"), training=training))
        h = self.bns[2](tf.nn.conv2d(h, self.k3, 1, "SAME"), training=training)
        return tf.nn.relu(h + skip)
