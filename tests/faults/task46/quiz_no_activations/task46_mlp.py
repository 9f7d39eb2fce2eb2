import tensorflow as tf


def build_mlp(num_classes=10):
    # The quiz's model, as given.
    return tf.keras.Sequential([
        tf.keras.Input(shape=(784,)),
        tf.keras.layers.Dense(20, activation=None),
        tf.keras.layers.Dense(30, activation=None),
        tf.keras.layers.Dense(50, activation=None),
        tf.keras.layers.Dense(num_classes, activation="softmax"),
    ])
