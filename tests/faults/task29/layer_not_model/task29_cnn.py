import tensorflow as tf


class CNN(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.conv1 = tf.keras.layers.Conv2D(8, 3, padding="same", activation="relu")
        self.pool1 = tf.keras.layers.MaxPooling2D(2)
        self.conv2 = tf.keras.layers.Conv2D(16, 3, padding="same", activation="relu")
        self.pool2 = tf.keras.layers.MaxPooling2D(2)
        self.flatten = tf.keras.layers.Flatten()
        self.out = tf.keras.layers.Dense(10, activation="softmax")

    def call(self, x):
        x = self.pool2(self.conv2(self.pool1(self.conv1(x))))
        return self.out(self.flatten(x))


def build_cnn():
    return CNN()
