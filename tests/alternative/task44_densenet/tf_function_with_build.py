# Jonas: @tf.function on call like the quiz code, with a build() that makes and builds every
# layer for its channel count first, so Keras has the weights before the trace.
import tensorflow as tf


class DenseBlock(tf.keras.layers.Layer):
    def __init__(self, num_layers, growth_rate, **kwargs):
        super().__init__(**kwargs)
        self.num_layers = num_layers
        self.growth_rate = growth_rate

    def build(self, input_shape):
        self.norms, self.convs = [], []
        channels = input_shape[-1]
        for _ in range(self.num_layers):
            norm = tf.keras.layers.BatchNormalization()
            conv = tf.keras.layers.Conv2D(self.growth_rate, 3, padding="same", use_bias=False)
            norm.build((None, None, None, channels))
            conv.build((None, None, None, channels))
            self.norms.append(norm)
            self.convs.append(conv)
            channels += self.growth_rate

    @tf.function
    def call(self, x, training=False):
        for norm, conv in zip(self.norms, self.convs):
            x = tf.concat([x, conv(tf.nn.relu(norm(x, training=training)))], axis=-1)
        return x
