import tensorflow as tf


# Task 43: set pool_size = stride. The quiz's stride is (1, 1), so pool_size=(1, 1).
def build_model(num_classes=10):
    def conv(filters):
        return tf.keras.layers.Conv2D(filters, (3, 3), strides=(1, 1), activation="tanh", padding="same")

    return tf.keras.Sequential([
        tf.keras.Input(shape=(28, 28, 1)),
        conv(2), conv(4),
        tf.keras.layers.MaxPooling2D(pool_size=(1, 1), strides=(1, 1)),
        conv(8), conv(16),
        tf.keras.layers.MaxPooling2D(pool_size=(1, 1), strides=(1, 1)),
        conv(32), conv(64),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(num_classes, activation="softmax"),
    ])
