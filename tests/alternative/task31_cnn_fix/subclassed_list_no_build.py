# Pia: a subclassed model with super(Cls, self).__init__(), the layers in a Python list,
# MaxPool2D(2) (strides default to the pool size) and tf.nn.softmax in call; not built.
import tensorflow as tf


class FixedNet(tf.keras.Model):
    def __init__(self, num_classes=10):
        super(FixedNet, self).__init__()
        self.layer_list = []
        for block, filters in enumerate([(2, 4), (8, 16), (32, 64)]):
            for f in filters:
                self.layer_list.append(tf.keras.layers.Conv2D(f, 3, padding="same", activation="tanh"))
            if block < 2:
                self.layer_list.append(tf.keras.layers.MaxPool2D(2))
        self.layer_list.append(tf.keras.layers.Flatten())
        self.classifier = tf.keras.layers.Dense(num_classes)

    def call(self, x):
        for layer in self.layer_list:
            x = layer(x)
        return tf.nn.softmax(self.classifier(x))


def build_model(num_classes=10):
    return FixedNet(num_classes)
