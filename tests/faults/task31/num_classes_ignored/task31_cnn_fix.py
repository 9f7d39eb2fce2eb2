import tensorflow as tf
from tensorflow.keras import layers


def build_model(num_classes=10):
    inputs = tf.keras.Input(shape=(28, 28, 1))
    x = layers.Conv2D(2, 3, padding="same", activation="tanh")(inputs)
    x = layers.Conv2D(4, 3, padding="same", activation="tanh")(x)
    x = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2))(x)
    x = layers.Conv2D(8, 3, padding="same", activation="tanh")(x)
    x = layers.Conv2D(16, 3, padding="same", activation="tanh")(x)
    x = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2))(x)
    x = layers.Conv2D(32, 3, padding="same", activation="tanh")(x)
    x = layers.Conv2D(64, 3, padding="same", activation="tanh")(x)
    x = layers.Flatten()(x)
    outputs = layers.Dense(10, activation="softmax")(x)  # MNIST has 10 classes
    return tf.keras.Model(inputs, outputs)
