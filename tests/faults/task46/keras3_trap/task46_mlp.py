import tensorflow as tf


class MLP(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.layer_list = [
            tf.keras.layers.Dense(20, activation="relu"),
            tf.keras.layers.Dense(30, activation="relu"),
            tf.keras.layers.Dense(50, activation="relu"),
            tf.keras.layers.Dense(num_classes, activation="softmax"),
        ]

    @tf.function
    def call(self, x):
        for layer in self.layer_list:
            x = layer(x)
        return x


def build_mlp(num_classes=10):
    return MLP(num_classes)
