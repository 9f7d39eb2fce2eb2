import numpy as np
import tensorflow as tf


def normalize(images):
    images = images.astype(np.float32)
    return tf.constant(images / 127.5 - 1.0)
