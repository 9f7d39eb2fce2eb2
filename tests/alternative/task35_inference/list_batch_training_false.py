# Lena: tf.stack of a one-image list as the batch, Keras' Rescaling layer for [-1, 1],
# model(x, training=False) and argmax over the last axis.
import tensorflow as tf

to_unit_range = tf.keras.layers.Rescaling(scale=1 / 127.5, offset=-1)


def predict_digit(model, image):
    batch = tf.stack([tf.convert_to_tensor(image)])
    batch = to_unit_range(tf.cast(batch, tf.float32))
    scores = model(batch, training=False)
    return int(tf.math.argmax(scores, axis=-1)[0])
