# Mia: each layer is a Python list [BN, Activation("relu"), Conv2D], super(DenseBlock,
# self).__init__(), one Concatenate layer, training=None by default.
import tensorflow as tf


class DenseBlock(tf.keras.layers.Layer):
    def __init__(self, num_layers, growth_rate):
        super(DenseBlock, self).__init__()
        self.dense_layers = []
        for _ in range(num_layers):
            self.dense_layers.append([
                tf.keras.layers.BatchNormalization(),
                tf.keras.layers.Activation("relu"),
                tf.keras.layers.Conv2D(growth_rate, kernel_size=(3, 3), padding="same"),
            ])
        self.concat = tf.keras.layers.Concatenate(axis=-1)

    def call(self, x, training=None):
        for norm, relu, conv in self.dense_layers:
            new_maps = conv(relu(norm(x, training=training)))
            x = self.concat([x, new_maps])
        return x
