# Zoe: Sequential with input_shape= and Keras' default initialisers (glorot_uniform
# kernels, zero biases), which already break the symmetry.
import tensorflow as tf


def build_model():
    model = tf.keras.Sequential()
    model.add(tf.keras.layers.Dense(64, activation="relu", input_shape=(784,)))
    model.add(tf.keras.layers.Dense(10, activation="softmax"))
    return model
