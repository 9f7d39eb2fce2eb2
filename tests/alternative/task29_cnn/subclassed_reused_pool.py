# Lena: a subclassed model with super(Cls, self).__init__(), one pooling layer called
# twice, and tf.nn.relu / tf.nn.softmax inside call; never built before it is returned.
import tensorflow as tf


class MyCNN(tf.keras.Model):
    def __init__(self):
        super(MyCNN, self).__init__()
        self.conv1 = tf.keras.layers.Conv2D(filters=8, kernel_size=3, padding="same")
        self.conv2 = tf.keras.layers.Conv2D(filters=16, kernel_size=3, padding="same")
        self.pool = tf.keras.layers.MaxPooling2D(pool_size=2)
        self.flatten = tf.keras.layers.Flatten()
        self.dense = tf.keras.layers.Dense(10)

    def call(self, x):
        x = self.pool(tf.nn.relu(self.conv1(x)))
        x = self.pool(tf.nn.relu(self.conv2(x)))
        return tf.nn.softmax(self.dense(self.flatten(x)))


def build_cnn():
    return MyCNN()
