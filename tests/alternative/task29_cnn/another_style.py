# Ada writes the CNN with the functional API and separate ReLU layers.
import tensorflow as tf
from tensorflow.keras import layers


def build_cnn():
    inputs = tf.keras.Input((28, 28, 1))
    x = layers.Conv2D(8, 3, padding="same")(inputs)
    x = layers.ReLU()(x)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(16, 3, padding="same")(x)
    x = layers.ReLU()(x)
    x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    outputs = layers.Dense(10, activation="softmax")(x)
    return tf.keras.Model(inputs, outputs)
