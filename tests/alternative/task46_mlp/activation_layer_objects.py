# Paul: Keras activation layers passed as the activation argument,
# Dense(20, activation=LeakyReLU(negative_slope=0.2)) and Dense(30, activation=ReLU()),
# in a Sequential list that starts with tf.keras.Input.
import tensorflow as tf


def build_mlp(num_classes=10):
    return tf.keras.Sequential([
        tf.keras.Input(shape=(784,)),
        tf.keras.layers.Dense(20, activation=tf.keras.layers.LeakyReLU(negative_slope=0.2)),
        tf.keras.layers.Dense(30, activation=tf.keras.layers.ReLU()),
        tf.keras.layers.Dense(50, activation="relu"),
        tf.keras.layers.Dense(num_classes, activation="softmax"),
    ])
