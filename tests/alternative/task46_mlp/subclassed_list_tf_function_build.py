# Umut: the quiz's layers in a Python list with @tf.function on call; my build() builds
# the layers before the first traced call, so Keras 3 still trains them.
import tensorflow as tf


class MLP(tf.keras.Model):
    def __init__(self, num_classes=10):
        super(MLP, self).__init__()
        self.layer_list = [
            tf.keras.layers.Dense(20, activation="relu"),
            tf.keras.layers.Dense(30, activation="relu"),
            tf.keras.layers.Dense(50, activation="relu"),
            tf.keras.layers.Dense(num_classes, activation="softmax"),
        ]

    def build(self, input_shape):
        shape = input_shape
        for layer in self.layer_list:
            layer.build(shape)
            shape = layer.compute_output_shape(shape)
        super().build(input_shape)

    @tf.function
    def call(self, x):
        for layer in self.layer_list:
            x = layer(x)
        return x


def build_mlp(num_classes=10):
    return MLP(num_classes)
