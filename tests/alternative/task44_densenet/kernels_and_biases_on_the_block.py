# Mia: kernels and biases made with add_weight on the block itself, tf.nn.conv2d and
# tf.nn.bias_add in call, Keras BatchNormalization layers kept in a Python list.
import tensorflow as tf


class DenseBlock(tf.keras.layers.Layer):
    def __init__(self, num_layers, growth_rate):
        super().__init__()
        self.num_layers = num_layers
        self.growth_rate = growth_rate
        self.norms = [tf.keras.layers.BatchNormalization() for _ in range(num_layers)]

    def build(self, input_shape):
        channels = input_shape[-1]
        self.kernels, self.biases = [], []
        for i in range(self.num_layers):
            self.kernels.append(self.add_weight(
                shape=(3, 3, channels + i * self.growth_rate, self.growth_rate),
                initializer="glorot_uniform", name=f"kernel_{i}"))
            self.biases.append(self.add_weight(shape=(self.growth_rate,), initializer="random_normal",
                                               name=f"bias_{i}"))

    def call(self, x, training=False):
        for norm, kernel, bias in zip(self.norms, self.kernels, self.biases):
            h = tf.nn.relu(norm(x, training=training))
            h = tf.nn.bias_add(tf.nn.conv2d(h, kernel, strides=[1, 1, 1, 1], padding="SAME"), bias)
            x = tf.concat([x, h], axis=-1)
        return x
