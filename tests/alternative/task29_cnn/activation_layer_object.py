# Sara: activation=tf.keras.layers.ReLU() (a layer object, not the string) in both
# convolutions, padding written "SAME" in capitals, and tf.keras.layers.Input in a
# functional model.
import tensorflow as tf


def build_cnn():
    inputs = tf.keras.layers.Input(shape=(28, 28, 1))
    x = tf.keras.layers.Conv2D(8, (3, 3), padding="SAME", activation=tf.keras.layers.ReLU())(inputs)
    x = tf.keras.layers.MaxPooling2D(2)(x)
    x = tf.keras.layers.Conv2D(16, (3, 3), padding="SAME", activation=tf.keras.layers.ReLU())(x)
    x = tf.keras.layers.MaxPooling2D(2)(x)
    x = tf.keras.layers.Flatten()(x)
    outputs = tf.keras.layers.Dense(10, activation="softmax")(x)
    return tf.keras.Model(inputs=inputs, outputs=outputs)
