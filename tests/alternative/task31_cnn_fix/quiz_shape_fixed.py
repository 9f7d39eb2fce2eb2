# Mara: the quiz's own code shape (a list of layers, MaxPooling2D imported by name) with
# input_shape= on the first convolution and strides set equal to pool_size.
import tensorflow as tf
from tensorflow.keras.layers import MaxPooling2D


def build_model(num_classes=10):
    return tf.keras.Sequential([
        tf.keras.layers.Conv2D(filters=2, kernel_size=(3, 3), strides=(1, 1), activation="tanh",
                               padding="same", input_shape=(28, 28, 1)),
        tf.keras.layers.Conv2D(filters=4, kernel_size=(3, 3), strides=(1, 1), activation="tanh", padding="same"),
        MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
        tf.keras.layers.Conv2D(filters=8, kernel_size=(3, 3), strides=(1, 1), activation="tanh", padding="same"),
        tf.keras.layers.Conv2D(filters=16, kernel_size=(3, 3), strides=(1, 1), activation="tanh", padding="same"),
        MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
        tf.keras.layers.Conv2D(filters=32, kernel_size=(3, 3), strides=(1, 1), activation="tanh", padding="same"),
        tf.keras.layers.Conv2D(filters=64, kernel_size=(3, 3), strides=(1, 1), activation="tanh", padding="same"),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(num_classes, activation="softmax"),
    ])
