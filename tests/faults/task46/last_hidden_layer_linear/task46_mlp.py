import tensorflow as tf
from tensorflow.keras import layers


def build_mlp(num_classes=10):
    inputs = tf.keras.Input(shape=(784,))
    x = layers.Dense(20, activation="relu")(inputs)
    x = layers.Dense(30, activation="relu")(x)
    x = layers.Dense(50)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return tf.keras.Model(inputs, outputs)
