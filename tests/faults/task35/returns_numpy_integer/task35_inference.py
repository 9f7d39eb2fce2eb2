import numpy as np
import tensorflow as tf


def predict_digit(model, image):
    x = tf.expand_dims(tf.cast(image, tf.float32) / 127.5 - 1.0, 0)
    return np.argmax(model(x), axis=1)[0]
