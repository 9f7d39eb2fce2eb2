"""Task 53: a small MLP whose hidden units start different from each other.

With all weights zero, every hidden unit computes the same value and receives the same
gradient, so the units stay identical: the layer acts like one unit. Random
initialisation breaks this symmetry (He initialisation suits ReLU).
"""

import tensorflow as tf


def build_model() -> tf.keras.Model:
    return tf.keras.Sequential([
        tf.keras.Input(shape=(784,)),
        tf.keras.layers.Dense(64, activation="relu", kernel_initializer="he_normal"),
        tf.keras.layers.Dense(10, activation="softmax"),
    ])
