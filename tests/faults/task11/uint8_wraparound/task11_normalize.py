import tensorflow as tf


def normalize(images):
    images = tf.convert_to_tensor(images)
    centred = images - 128          # still uint8 here
    return tf.cast(centred, tf.float32) / 127.5
