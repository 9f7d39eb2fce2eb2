"""Task 13 with the pixels scaled to [0, 1] (image / 255) instead of [-1, 1]."""

import tensorflow as tf


def prepare_data(dataset, batch_size=32, training=True):
    dataset = dataset.map(lambda img, target: (tf.cast(tf.reshape(img, (-1,)), tf.float32) / 255.,
                                               tf.one_hot(target, depth=10)))
    dataset = dataset.cache()
    if training:
        dataset = dataset.shuffle(1350)
    return dataset.batch(batch_size).prefetch(tf.data.experimental.AUTOTUNE)
