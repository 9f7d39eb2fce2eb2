"""The pipeline without prefetch, claiming nothing."""

import tensorflow as tf


def _to_model_inputs(image, label):
    image = tf.cast(tf.reshape(image, (-1,)), tf.float32) / 127.5 - 1.0
    return image, tf.one_hot(label, depth=10)


def prepare_data(dataset: tf.data.Dataset, batch_size: int = 32, training: bool = True) -> tf.data.Dataset:
    dataset = dataset.map(_to_model_inputs, num_parallel_calls=tf.data.AUTOTUNE)
    dataset = dataset.cache()
    if training:
        dataset = dataset.shuffle(1000, reshuffle_each_iteration=True)
    dataset = dataset.batch(batch_size)
    return dataset
