# Mara: a subclassed model that pools with tf.nn.max_pool2d inside a @tf.function call
# (ksize 2, strides 2), flattens with tf.reshape instead of a Flatten layer, and is built
# with model.build((None, 28, 28, 1)) before it is returned.
import tensorflow as tf


class FixedCNN(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.convs = [tf.keras.layers.Conv2D(f, 3, padding="same", activation="relu")
                      for f in (2, 4, 8, 16, 32, 64)]
        self.dense = tf.keras.layers.Dense(num_classes, activation="softmax")

    @tf.function
    def call(self, x):
        for i, conv in enumerate(self.convs):
            x = conv(x)
            if i in (1, 3):
                x = tf.nn.max_pool2d(x, ksize=2, strides=2, padding="VALID")
        x = tf.reshape(x, (-1, 7 * 7 * 64))
        return self.dense(x)


def build_model(num_classes=10):
    model = FixedCNN(num_classes)
    model.build((None, 28, 28, 1))
    return model
