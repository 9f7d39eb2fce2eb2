# Lena: tf.image.convert_image_dtype scales uint8 to [0, 1]; times 2 minus 1 gives [-1, 1].
import tensorflow as tf


def normalize(images):
    unit = tf.image.convert_image_dtype(images, dtype=tf.float32)
    return unit * 2.0 - 1.0
