# Bea: @tf.function on call, with a build() that creates the weights first (Keras 3 then
# still trains them), random normal initialisation with a small standard deviation.
import tensorflow as tf


class InitModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        init = tf.keras.initializers.RandomNormal(mean=0.0, stddev=0.05)
        self.hidden = tf.keras.layers.Dense(64, activation="relu", kernel_initializer=init)
        self.out = tf.keras.layers.Dense(10, activation="softmax", kernel_initializer=init)

    def build(self, input_shape):
        self.hidden.build(input_shape)
        self.out.build(self.hidden.compute_output_shape(input_shape))
        super().build(input_shape)

    @tf.function
    def call(self, x):
        return self.out(self.hidden(x))


def build_model():
    return InitModel()
