"""Task 32: the "CNN fail II" network made to work on 32x32 images.

With padding='valid' every 3x3 convolution removes a 1-pixel border: 32 -> 30 -> 28 -> 26,
pooled to 13, -> 11 -> 9 -> 7, pooled to 3, -> 1 and then a negative size: the network
cannot be built. With padding='same' the convolutions keep the size: 32, pooled to 16,
pooled to 8, and global average pooling reads 8x8 maps.
"""

import tensorflow as tf


def build_model(num_classes: int = 10) -> tf.keras.Model:
    def conv(filters):
        return tf.keras.layers.Conv2D(filters=filters, kernel_size=(3, 3), strides=(1, 1),
                                      activation="tanh", padding="same")

    return tf.keras.Sequential([
        tf.keras.Input(shape=(32, 32, 3)),
        conv(32), conv(40), conv(50),
        tf.keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
        conv(60), conv(70), conv(80),
        tf.keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
        conv(60), conv(70), conv(80),
        tf.keras.layers.GlobalAveragePooling2D(),
        tf.keras.layers.Dense(num_classes, activation="softmax"),
    ])
