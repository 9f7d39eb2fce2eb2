import numpy as np
import tensorflow as tf


def generate_data(num_samples):
    for _ in range(num_samples):
        yield np.random.normal(size=(28, 28, 1))


def make_dataset(num_samples=1000):
    return tf.data.Dataset.from_generator(
        lambda: generate_data(num_samples),
        output_signature=tf.TensorSpec(shape=(28, 28, 1), dtype=tf.float32),
    )
