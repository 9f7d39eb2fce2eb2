import numpy as np
import tensorflow as tf


def normalize(images):
    scaled = np.asarray(images) / 127.5 - 1   # NumPy promotes to float64
    return tf.convert_to_tensor(scaled)
