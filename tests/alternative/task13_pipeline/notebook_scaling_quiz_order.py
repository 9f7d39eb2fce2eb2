# Mia: the quiz's own order of maps (reshape, cast, cache, one-hot) with both errors fixed,
# the notebooks' `/ 128. - 1` scaling and tf.data.experimental.AUTOTUNE.
import tensorflow as tf


def prepare_data(dataset, batch_size=32, training=True):
    dataset = dataset.map(lambda img, target: (tf.reshape(img, (-1,)), target))
    dataset = dataset.map(lambda img, target: (tf.cast(img, tf.float32), target))
    dataset = dataset.map(lambda img, target: ((img / 128.) - 1., target))
    dataset = dataset.cache()
    dataset = dataset.map(lambda img, target: (img, tf.one_hot(target, depth=10)))
    if training:
        dataset = dataset.shuffle(1350)
    dataset = dataset.batch(batch_size)
    dataset = dataset.prefetch(tf.data.experimental.AUTOTUNE)
    return dataset
