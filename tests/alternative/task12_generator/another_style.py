# Alan's version: a NumPy Generator object, and from_generator(..., args=...).
import numpy as np
import tensorflow as tf

IMAGE_SPEC = tf.TensorSpec(shape=(28, 28, 1), dtype=tf.float32)


def generate_data(num_samples):
    rng = np.random.default_rng()
    count = 0
    while count < num_samples:
        yield rng.standard_normal((28, 28, 1), dtype=np.float32)
        count += 1


def make_dataset(num_samples=1000):
    return tf.data.Dataset.from_generator(generate_data, args=(num_samples,),
                                          output_signature=IMAGE_SPEC)
