"""Task 15 - Memory leaks in TF?

In the quiz, the loop over the whole dataset sits inside a `@tf.function`. Write the
training code the right way round:

    train_step(model, optimizer, loss_fn, x, target) -> loss
        a tf.function that trains on ONE batch and returns loss_fn(target, prediction)

    train_epoch(model, optimizer, loss_fn, dataset) -> float
        a plain Python loop over the batches that calls train_step once per batch and
        returns the mean of the batch losses

train_step must be traced once per input signature (a final partial batch may add one
trace), and its graph must not grow with the number of batches in an epoch.
"""

import tensorflow as tf


@tf.function
def train_step(model, optimizer, loss_fn, x, target):
    raise NotImplementedError("Task 15: one training step on one batch")


def train_epoch(model, optimizer, loss_fn, dataset) -> float:
    raise NotImplementedError("Task 15: loop over the batches, calling train_step")
