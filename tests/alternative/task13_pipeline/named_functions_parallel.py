# Lena: one named function per step, parallel maps, an explicit reshuffle flag and a
# shuffle buffer as large as the data set.
import tensorflow as tf

BUFFER = 60000


def flatten(image, label):
    return tf.reshape(image, [28 * 28]), label


def scale(image, label):
    return tf.cast(image, tf.float32) / 127.5 - 1.0, label


def encode(image, label):
    return image, tf.cast(tf.one_hot(label, 10), tf.float32)


def prepare_data(dataset, batch_size=32, training=True):
    for step in (flatten, scale, encode):
        dataset = dataset.map(step, num_parallel_calls=tf.data.AUTOTUNE)
    dataset = dataset.cache()
    if training:
        dataset = dataset.shuffle(BUFFER, reshuffle_each_iteration=True)
    dataset = dataset.batch(batch_size, drop_remainder=False)
    dataset = dataset.prefetch(buffer_size=1)
    return dataset
