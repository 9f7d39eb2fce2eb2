import tensorflow as tf


def build_model():
    return tf.keras.Sequential([
        tf.keras.Input(shape=(784,)),
        tf.keras.layers.Dense(64, activation="relu", kernel_initializer="zeros"),
        tf.keras.layers.Dense(10, activation="softmax"),
    ])
