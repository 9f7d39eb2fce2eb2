import tensorflow as tf
from tensorflow.keras import layers


def build_model(num_classes=10):
    inputs = tf.keras.Input(shape=(32, 32, 3))
    # first block padded so that the maps do not shrink at the start
    x = layers.Conv2D(32, 3, padding="same", activation="tanh")(inputs)
    x = layers.Conv2D(40, 3, padding="same", activation="tanh")(x)
    x = layers.Conv2D(50, 3, padding="same", activation="tanh")(x)
    x = layers.MaxPooling2D(2)(x)
    x = layers.Conv2D(60, 3, activation="tanh")(x)
    x = layers.Conv2D(70, 3, activation="tanh")(x)
    x = layers.Conv2D(80, 3, activation="tanh")(x)
    x = layers.MaxPooling2D(2)(x)
    x = layers.Conv2D(60, 3, activation="tanh")(x)
    x = layers.Conv2D(70, 3, activation="tanh")(x)
    x = layers.Conv2D(80, 3, activation="tanh")(x)
    x = layers.GlobalAveragePooling2D()(x)
    return tf.keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))
