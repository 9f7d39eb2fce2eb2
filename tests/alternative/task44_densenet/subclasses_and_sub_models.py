# Lea: my own BN and Conv2D subclasses, each layer a small functional model made in build()
# for its channel count, the feature maps kept in a list and joined with tf.concat.
import tensorflow as tf


class Norm(tf.keras.layers.BatchNormalization):
    def __init__(self):
        super().__init__(momentum=0.9, epsilon=1e-5)


class Conv3x3(tf.keras.layers.Conv2D):
    def __init__(self, filters):
        super().__init__(filters, 3, padding="same", kernel_initializer="he_normal")


class DenseBlock(tf.keras.layers.Layer):
    def __init__(self, num_layers, growth_rate):
        super().__init__()
        self.num_layers = num_layers
        self.growth_rate = growth_rate

    def build(self, input_shape):
        self.composites = []
        channels = input_shape[-1]
        for _ in range(self.num_layers):
            inputs = tf.keras.Input(shape=(None, None, channels))
            outputs = Conv3x3(self.growth_rate)(tf.keras.layers.ReLU()(Norm()(inputs)))
            self.composites.append(tf.keras.Model(inputs, outputs))
            channels += self.growth_rate

    def call(self, inputs, training=False):
        maps = [inputs]
        for composite in self.composites:
            maps.append(composite(tf.concat(maps, axis=-1), training=training))
        return tf.concat(maps, axis=-1)
