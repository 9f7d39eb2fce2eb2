# Mia: the course notebooks' scaling (/ 128. - 1), tf.expand_dims, and model(x) without the
# training flag; the prediction is turned into a number with .numpy().
import tensorflow as tf


def predict_digit(model, image):
    img = tf.cast(image, tf.float32)
    img = img / 128. - 1.
    img = tf.expand_dims(img, axis=0)
    pred = model(img)
    return int(tf.argmax(pred, axis=1).numpy()[0])
