"""Task 13 - Preprocessing pipeline.

The quiz's `prepare_data` contains two errors that hurt accuracy and loss. Write a
correct version:

    prepare_data(dataset, batch_size=32, training=True) -> tf.data.Dataset

Input elements are `(image, label)`: uint8 images of shape (28, 28, 1) and int64 scalar
labels, as MNIST from TensorFlow Datasets. Output elements are `(images, targets)`:

- images: float32, shape (batch, 784), values in [-1, 1] (0 -> -1, 255 -> 1);
- targets: float32 one-hot vectors, shape (batch, 10);
- with training=True the *elements* (not whole batches) are shuffled with a buffer of at
  least 1,000, in a new order every epoch; with training=False the input order is kept;
- the last, partial batch is kept;
- expensive deterministic steps are cached; prefetch comes last.
"""

import tensorflow as tf


def prepare_data(dataset: tf.data.Dataset, batch_size: int = 32, training: bool = True) -> tf.data.Dataset:
    raise NotImplementedError("Task 13: build the input pipeline")
