# Rosa: a subclassed model with blocks kept in nested Python lists; the global average
# pooling is tf.reduce_mean over height and width inside call, softmax with tf.nn.
import tensorflow as tf


class FixedCNN(tf.keras.Model):
    def __init__(self, num_classes=10):
        super(FixedCNN, self).__init__()
        self.blocks = [[tf.keras.layers.Conv2D(f, 3, padding="same", activation="tanh") for f in filters]
                       for filters in [(32, 40, 50), (60, 70, 80), (60, 70, 80)]]
        self.pools = [tf.keras.layers.MaxPooling2D(2), tf.keras.layers.MaxPooling2D(2)]
        self.out = tf.keras.layers.Dense(num_classes)

    def call(self, x):
        for index, block in enumerate(self.blocks):
            for conv in block:
                x = conv(x)
            if index < len(self.pools):
                x = self.pools[index](x)
        x = tf.reduce_mean(x, axis=[1, 2])
        return tf.nn.softmax(self.out(x))


def build_model(num_classes=10):
    return FixedCNN(num_classes)
