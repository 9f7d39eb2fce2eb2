"""Task 46: the MLP of the quiz with non-linear hidden activations.

Without activations the four Dense layers compose to a single affine map
W4 (W3 (W2 (W1 x + b1) + b2) + b3) + b4 = W x + b: the network is no more expressive
than one Dense(10) layer (multinomial logistic regression). ReLU between the layers
makes it a real multi-layer network.
"""

import tensorflow as tf


def build_mlp(num_classes: int = 10) -> tf.keras.Model:
    return tf.keras.Sequential([
        tf.keras.Input(shape=(784,)),
        tf.keras.layers.Dense(20, activation="relu"),
        tf.keras.layers.Dense(30, activation="relu"),
        tf.keras.layers.Dense(50, activation="relu"),
        tf.keras.layers.Dense(num_classes, activation="softmax"),
    ])
