"""Task 35: inference on one MNIST digit.

The quiz's `classifier(image)` fails because Keras models take batches: the image of
shape (28, 28, 1) needs a batch dimension, (1, 28, 28, 1). It must also be preprocessed
as in training: float32, scaled from [0, 255] to [-1, 1].
"""

import numpy as np
import tensorflow as tf


def predict_digit(model: tf.keras.Model, image: np.ndarray) -> int:
    x = tf.cast(image, tf.float32) / 127.5 - 1.0    # as in training: [0, 255] -> [-1, 1]
    x = tf.expand_dims(x, axis=0)                    # (28, 28, 1) -> (1, 28, 28, 1)
    prediction = model(x, training=False)            # (1, 10)
    return int(tf.argmax(prediction[0]))
