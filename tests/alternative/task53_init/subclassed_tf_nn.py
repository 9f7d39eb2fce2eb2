# Anil: a subclassed model with super(Cls, self).__init__(), an He initialiser object, and
# tf.nn.relu / tf.nn.softmax inside call.
import tensorflow as tf


class InitModel(tf.keras.Model):
    def __init__(self):
        super(InitModel, self).__init__()
        self.hidden = tf.keras.layers.Dense(64, kernel_initializer=tf.keras.initializers.HeUniform())
        self.out = tf.keras.layers.Dense(10, kernel_initializer=tf.keras.initializers.GlorotNormal())

    def call(self, x):
        return tf.nn.softmax(self.out(tf.nn.relu(self.hidden(x))))


def build_model():
    return InitModel()
