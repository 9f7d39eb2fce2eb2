import tensorflow as tf


class FixedCNN(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.convs = [tf.keras.layers.Conv2D(f, 3, padding="same", activation="relu")
                      for f in (2, 4, 8, 16, 32, 64)]
        self.flatten = tf.keras.layers.Flatten()
        self.dense = tf.keras.layers.Dense(num_classes, activation="softmax")

    def call(self, x):
        for index, conv in enumerate(self.convs):
            x = conv(x)
            if index in (1, 3):
                x = tf.nn.max_pool2d(x, ksize=3, strides=3, padding="VALID")  # 28 -> 9 -> 3
        return self.dense(self.flatten(x))


def build_model(num_classes=10):
    return FixedCNN(num_classes)
