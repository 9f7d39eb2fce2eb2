# Mia: the quiz's while loop, now with a counter, np.random.randn, and num_samples handed
# to the generator through from_generator's args.
import numpy as np
import tensorflow as tf


def generate_data(num_samples):
    i = 0
    while i < num_samples:
        yield np.random.randn(28, 28, 1).astype("float32")
        i += 1


def make_dataset(num_samples=1000):
    train_ds = tf.data.Dataset.from_generator(
        generate_data,
        args=[num_samples],
        output_signature=tf.TensorSpec(shape=(28, 28, 1), dtype=tf.float32),
    )
    return train_ds
