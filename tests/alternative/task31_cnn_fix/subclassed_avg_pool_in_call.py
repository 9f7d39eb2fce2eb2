# Karl: a subclassed model whose blocks are Python lists, tf.nn.avg_pool2d(..., "SAME") in
# call after the first and the second block, tf.reshape(x, [tf.shape(x)[0], -1]) instead
# of Flatten, and tf.nn.softmax on the logits.
import tensorflow as tf


class RepairedCNN(tf.keras.Model):
    def __init__(self, num_classes=10):
        super(RepairedCNN, self).__init__()
        self.blocks = [[tf.keras.layers.Conv2D(f, (3, 3), padding="same", activation="relu") for f in pair]
                       for pair in [(2, 4), (8, 16), (32, 64)]]
        self.logits = tf.keras.layers.Dense(num_classes)

    def call(self, x, training=False):
        for index, block in enumerate(self.blocks):
            for conv in block:
                x = conv(x)
            if index < 2:
                x = tf.nn.avg_pool2d(x, ksize=(2, 2), strides=(2, 2), padding="SAME")
        x = tf.reshape(x, [tf.shape(x)[0], -1])
        return tf.nn.softmax(self.logits(x))


def build_model(num_classes=10):
    return RepairedCNN(num_classes)
