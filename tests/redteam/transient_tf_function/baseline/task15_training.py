"""The loop over a list of batches unrolled in a tf.function made anew every epoch, all kept."""

import tensorflow as tf


@tf.function
def train_step(model, optimizer, loss_fn, x, target):
    with tf.GradientTape() as tape:
        prediction = model(x, training=True)
        loss = loss_fn(target, prediction)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


def _run_batches(model, optimizer, loss_fn, batches):
    total = 0.0
    for x, target in batches:
        total += train_step(model, optimizer, loss_fn, x, target)
    return total / len(batches)


_epoch_functions = []


def train_epoch(model, optimizer, loss_fn, dataset) -> float:
    run = tf.function(_run_batches)  # a new tf.function every epoch, kept in a module list
    _epoch_functions.append(run)
    return float(run(model, optimizer, loss_fn, list(dataset)))
