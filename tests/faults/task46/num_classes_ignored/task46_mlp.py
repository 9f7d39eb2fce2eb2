import tensorflow as tf


def build_mlp(num_classes=10):
    model = tf.keras.Sequential()
    model.add(tf.keras.Input(shape=(784,)))
    model.add(tf.keras.layers.Dense(20, activation="tanh"))
    model.add(tf.keras.layers.Dense(30, activation="tanh"))
    model.add(tf.keras.layers.Dense(50, activation="tanh"))
    model.add(tf.keras.layers.Dense(10, activation="softmax"))
    return model
