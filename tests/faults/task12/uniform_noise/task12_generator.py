import numpy as np
import tensorflow as tf


def generate_data(num_samples):
    for _ in range(num_samples):
        yield np.random.uniform(-1, 1, size=(28, 28, 1)).astype(np.float32)


def make_dataset(num_samples=1000):
    return tf.data.Dataset.from_generator(
        lambda: generate_data(num_samples),
        output_signature=tf.TensorSpec(shape=(28, 28, 1), dtype=tf.float32),
    )
