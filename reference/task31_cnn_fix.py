"""Tasks 31, 37 and 43: the "CNN fail I" network with its pooling fixed.

The quiz's MaxPooling2D(pool_size=(2, 2), strides=(1, 1)) slides its 2x2 window by one
pixel: the windows overlap and the map shrinks by one pixel only (28 -> 27). With
strides equal to pool_size (the default when strides is left out) every pooling layer
halves height and width: 28 -> 14 -> 7.
"""

import tensorflow as tf


def build_model(num_classes: int = 10) -> tf.keras.Model:
    def conv(filters):
        return tf.keras.layers.Conv2D(filters=filters, kernel_size=(3, 3), strides=(1, 1),
                                      activation="tanh", padding="same")

    return tf.keras.Sequential([
        tf.keras.Input(shape=(28, 28, 1)),
        conv(2),
        conv(4),
        tf.keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
        conv(8),
        conv(16),
        tf.keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
        conv(32),
        conv(64),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(num_classes, activation="softmax"),
    ])
