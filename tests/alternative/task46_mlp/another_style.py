# Eli subclasses Model: tanh through tf.nn inside call, LeakyReLU as a layer for the last one.
import tensorflow as tf


class MLP(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.hidden1 = tf.keras.layers.Dense(20)
        self.hidden2 = tf.keras.layers.Dense(30)
        self.hidden3 = tf.keras.layers.Dense(50)
        self.leaky = tf.keras.layers.LeakyReLU()
        self.out = tf.keras.layers.Dense(num_classes, activation="softmax")

    def call(self, x):
        x = tf.nn.tanh(self.hidden1(x))
        x = tf.nn.tanh(self.hidden2(x))
        x = self.leaky(self.hidden3(x))
        return self.out(x)


def build_mlp(num_classes=10):
    return MLP(num_classes)
