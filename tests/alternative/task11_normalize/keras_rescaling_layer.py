# Mia: Keras' Rescaling layer does the scaling (scale 1/127.5, offset -1) on a float32 cast.
import tensorflow as tf

rescale = tf.keras.layers.Rescaling(scale=1. / 127.5, offset=-1.)


def normalize(images):
    return rescale(tf.cast(images, tf.float32))
