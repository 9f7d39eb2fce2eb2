# Emil: an empty tf.keras.Sequential filled with model.add(...), tf.keras.layers.Input
# (not tf.keras.Input) first, a he_normal hidden layer and a separate Softmax() layer.
import tensorflow as tf


def build_model():
    model = tf.keras.Sequential()
    model.add(tf.keras.layers.Input(shape=(784,)))
    model.add(tf.keras.layers.Dense(64, activation="relu", kernel_initializer="he_normal"))
    model.add(tf.keras.layers.Dense(10))
    model.add(tf.keras.layers.Softmax())
    return model
