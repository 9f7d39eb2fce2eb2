import tensorflow as tf


def build_model(num_classes=10):
    model = tf.keras.Sequential()
    model.add(tf.keras.Input(shape=(28, 28, 1)))
    for filters in (2, 4):
        model.add(tf.keras.layers.Conv2D(filters, (3, 3), strides=(1, 1), activation="tanh", padding="same"))
    model.add(tf.keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)))
    for filters in (8, 16):
        model.add(tf.keras.layers.Conv2D(filters, (3, 3), strides=(1, 1), activation="tanh", padding="same"))
    model.add(tf.keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)))
    for filters in (32, 64):
        model.add(tf.keras.layers.Conv2D(filters, (3, 3), strides=(1, 1), activation="tanh", padding="same"))
    model.add(tf.keras.layers.Flatten())
    model.add(tf.keras.layers.Dense(num_classes))  # logits; the loss will handle it
    return model
