"""Task 12 - Generator.

The quiz's generator feeds a tf.data.Dataset but contains two programming errors (name
them in answers.yaml). Write a correct version:

    generate_data(num_samples)
        a generator (a function with `yield`) that yields exactly `num_samples` float32
        arrays of shape (28, 28, 1), each drawn from the standard normal distribution
        N(0, 1), and then stops

    make_dataset(num_samples=1000) -> tf.data.Dataset
        the dataset built with tf.data.Dataset.from_generator around generate_data, with
        output_signature tf.TensorSpec(shape=(28, 28, 1), dtype=tf.float32): its element
        spec is that TensorSpec and it yields exactly `num_samples` elements
"""

import numpy as np
import tensorflow as tf


def generate_data(num_samples):
    raise NotImplementedError("Task 12: yield num_samples float32 arrays of shape (28, 28, 1)")


def make_dataset(num_samples: int = 1000) -> tf.data.Dataset:
    raise NotImplementedError("Task 12: wrap generate_data with tf.data.Dataset.from_generator")
