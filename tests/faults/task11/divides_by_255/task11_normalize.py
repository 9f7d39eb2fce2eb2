import tensorflow as tf


def normalize(images):
    # scale the pixels to [0, 1]
    return tf.cast(images, tf.float32) / 255.0
