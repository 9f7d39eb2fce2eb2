"""Task 44, another style: layers made in build(), one Sequential (BN, ReLU layer,
bias-free Conv2D) per layer, a list of feature maps joined by a Concatenate layer."""

import tensorflow as tf


class DenseBlock(tf.keras.layers.Layer):
    def __init__(self, num_layers, growth_rate, name="dense_block"):
        super().__init__(name=name)
        self.num_layers = int(num_layers)
        self.growth_rate = int(growth_rate)

    def build(self, input_shape):
        self.composite = []
        for index in range(self.num_layers):
            self.composite.append(tf.keras.Sequential([
                tf.keras.layers.BatchNormalization(epsilon=1.001e-5),
                tf.keras.layers.Activation("relu"),
                tf.keras.layers.Conv2D(self.growth_rate, (3, 3), padding="same", use_bias=False,
                                       kernel_initializer="he_normal"),
            ], name=f"composite_{index}"))
        self.join = tf.keras.layers.Concatenate(axis=-1)

    def call(self, inputs, training=None):
        features = [inputs]
        for layer in self.composite:
            joined = features[0] if len(features) == 1 else self.join(features)
            features.append(layer(joined, training=training))
        return features[0] if len(features) == 1 else self.join(features)
