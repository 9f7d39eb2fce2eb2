import tensorflow as tf

L = tf.keras.layers


def build_model(num_classes=10):
    # A 1x1 window keeps every value; the stride of 2 halves the map.
    return tf.keras.Sequential([
        tf.keras.Input(shape=(28, 28, 1)),
        L.Conv2D(2, 3, padding="same", activation="tanh"),
        L.Conv2D(4, 3, padding="same", activation="tanh"),
        L.MaxPooling2D(pool_size=(1, 1), strides=(2, 2)),
        L.Conv2D(8, 3, padding="same", activation="tanh"),
        L.Conv2D(16, 3, padding="same", activation="tanh"),
        L.MaxPooling2D(pool_size=(1, 1), strides=(2, 2)),
        L.Conv2D(32, 3, padding="same", activation="tanh"),
        L.Conv2D(64, 3, padding="same", activation="tanh"),
        L.Flatten(),
        L.Dense(num_classes, activation="softmax"),
    ])
