"""Task 15: one traced step per batch, and the epoch loop outside the tf.function."""

import tensorflow as tf


@tf.function
def train_step(model, optimizer, loss_fn, x, target):
    with tf.GradientTape() as tape:
        prediction = model(x, training=True)
        loss = loss_fn(target, prediction)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


@tf.function
def __run_batches(model, optimizer, loss_fn, batches):
    total = 0.0
    for x, target in batches:
        total += train_step(model, optimizer, loss_fn, x, target)
    return total / len(batches)


def train_epoch(model, optimizer, loss_fn, dataset) -> float:
    return float(__run_batches(model, optimizer, loss_fn, list(dataset)))
