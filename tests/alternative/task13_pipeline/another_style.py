# Ada's pipeline: separate maps, an explicit shuffle buffer of 60,000 (all of MNIST).
import tensorflow as tf

AUTOTUNE = tf.data.AUTOTUNE


def prepare_data(dataset, batch_size=32, training=True):
    dataset = dataset.map(lambda img, lbl: (tf.reshape(img, [784]), lbl))
    dataset = dataset.map(lambda img, lbl: ((tf.cast(img, tf.float32) - 127.5) / 127.5, lbl))
    dataset = dataset.map(lambda img, lbl: (img, tf.one_hot(lbl, 10)))
    dataset = dataset.cache()
    if training:
        dataset = dataset.shuffle(buffer_size=60000)
    return dataset.batch(batch_size).prefetch(AUTOTUNE)
