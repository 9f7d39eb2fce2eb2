# Grace's version: NumPy arithmetic in float32, converted to a tensor at the end.
import numpy as np
import tensorflow as tf


def normalize(images):
    pixels = np.asarray(images).astype(np.float32)
    centred = (pixels - 127.5) / 127.5
    return tf.convert_to_tensor(centred, dtype=tf.float32)
