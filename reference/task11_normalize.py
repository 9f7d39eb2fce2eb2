"""Task 11: scale uint8 images from [0, 255] to float32 in [-1, 1]."""

import tensorflow as tf


def normalize(images) -> tf.Tensor:
    images = tf.cast(images, tf.float32)  # cast first: uint8 arithmetic would wrap around
    return images / 127.5 - 1.0
