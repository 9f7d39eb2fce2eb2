# Ida: a subclassed model that pools with tf.nn.max_pool2d(x, 2, 2, "VALID") in call,
# flattens with tf.reshape, and is built with model.build((None, 28, 28, 1)) before it
# is returned.
import tensorflow as tf


class DigitCNN(tf.keras.Model):
    def __init__(self):
        super(DigitCNN, self).__init__()
        self.conv_1 = tf.keras.layers.Conv2D(8, 3, padding="same", activation=tf.nn.relu)
        self.conv_2 = tf.keras.layers.Conv2D(16, 3, padding="same", activation=tf.nn.relu)
        self.flatten = tf.keras.layers.Flatten()
        self.output_layer = tf.keras.layers.Dense(10, activation=tf.nn.softmax)

    def call(self, inputs):
        x = tf.nn.max_pool2d(self.conv_1(inputs), 2, 2, "VALID")
        x = tf.nn.max_pool2d(self.conv_2(x), 2, 2, "VALID")
        return self.output_layer(self.flatten(x))


def build_cnn():
    model = DigitCNN()
    model.build((None, 28, 28, 1))
    return model
