import tensorflow as tf


class MLP(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.dense1 = tf.keras.layers.Dense(20)
        self.dense2 = tf.keras.layers.Dense(30)
        self.dense3 = tf.keras.layers.Dense(50)
        self.activation = tf.keras.layers.ReLU()
        self.classifier = tf.keras.layers.Dense(num_classes, activation="softmax")

    def call(self, inputs):
        x = self.dense1(inputs)
        x = self.dense2(x)
        x = self.dense3(x)
        return self.classifier(x)


def build_mlp(num_classes=10):
    return MLP(num_classes)
