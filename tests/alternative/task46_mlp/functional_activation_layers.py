# Tara: the functional API with tf.keras.Input and Activation layers after linear Dense layers.
import tensorflow as tf


def build_mlp(num_classes=10):
    inputs = tf.keras.Input(shape=(784,))
    x = inputs
    for units in (20, 30, 50):
        x = tf.keras.layers.Dense(units, activation=None)(x)
        x = tf.keras.layers.Activation("relu")(x)
    x = tf.keras.layers.Dense(num_classes)(x)
    outputs = tf.keras.layers.Activation("softmax")(x)
    return tf.keras.Model(inputs, outputs)
