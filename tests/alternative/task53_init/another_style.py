# Katherine's version: the functional API, explicit seeded initialisers, activations as
# separate layers.
import tensorflow as tf
from tensorflow.keras import layers


def build_model():
    inputs = tf.keras.Input(shape=(784,))
    hidden = layers.Dense(64, kernel_initializer=tf.keras.initializers.GlorotUniform(seed=1),
                          bias_initializer="zeros")(inputs)
    hidden = layers.ReLU()(hidden)
    logits = layers.Dense(10, kernel_initializer=tf.keras.initializers.RandomNormal(stddev=0.05, seed=2))(hidden)
    outputs = layers.Softmax()(logits)
    return tf.keras.Model(inputs, outputs)
