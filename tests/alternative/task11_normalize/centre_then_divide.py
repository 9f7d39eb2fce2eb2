# Noah: centre first, then divide: (x - 127.5) / 127.5, with tf.convert_to_tensor first so
# NumPy arrays and tensors take the same path.
import tensorflow as tf


def normalize(images):
    images = tf.convert_to_tensor(images)
    images = tf.cast(images, dtype=tf.float32)
    return (images - 127.5) / 127.5
