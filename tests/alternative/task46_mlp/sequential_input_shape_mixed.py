# Vera: Sequential with input_shape= on the first layer, a different non-linearity per
# hidden layer, and a Softmax layer at the end.
import tensorflow as tf


def build_mlp(num_classes=10):
    return tf.keras.Sequential([
        tf.keras.layers.Dense(20, activation="sigmoid", input_shape=(784,)),
        tf.keras.layers.Dense(30, activation="elu"),
        tf.keras.layers.Dense(50, activation=tf.nn.relu),
        tf.keras.layers.Dense(num_classes),
        tf.keras.layers.Softmax(),
    ])
