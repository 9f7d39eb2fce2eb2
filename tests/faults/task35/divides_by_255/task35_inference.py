import numpy as np
import tensorflow as tf


def predict_digit(model, image):
    x = tf.convert_to_tensor(image[None], dtype=tf.float32) / 255.0
    return int(np.argmax(model(x)[0]))
