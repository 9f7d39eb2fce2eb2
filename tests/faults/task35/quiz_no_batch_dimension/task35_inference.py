import numpy as np
import tensorflow as tf


def predict_digit(model, image):
    image = tf.cast(image, tf.float32) / 127.5 - 1.0
    prediction = model(image)
    return int(np.argmax(prediction))
