# Lina: a subclassed model that averages with tf.reduce_mean(x, axis=[1, 2], keepdims=True),
# then tf.reshape(x, (-1, channels)), a BatchNormalization after every convolution and
# tf.nn.relu in call.
import tensorflow as tf


class Net(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.convs = [tf.keras.layers.Conv2D(f, 3, padding="same") for f in (32, 40, 50, 60, 70, 80, 60, 70, 80)]
        self.norms = [tf.keras.layers.BatchNormalization() for _ in self.convs]
        self.pool = tf.keras.layers.MaxPooling2D()
        self.head = tf.keras.layers.Dense(num_classes, activation="softmax")

    def call(self, x, training=False):
        for index, (conv, norm) in enumerate(zip(self.convs, self.norms)):
            x = tf.nn.relu(norm(conv(x), training=training))
            if index in (2, 5):
                x = self.pool(x)
        x = tf.reduce_mean(x, axis=[1, 2], keepdims=True)
        return self.head(tf.reshape(x, (-1, x.shape[-1])))


def build_model(num_classes=10):
    return Net(num_classes)
