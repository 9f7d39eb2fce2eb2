"""A plain wrapper around a real tf.function that retraces every batch, honest about it."""

import tensorflow as tf


@tf.function
def _traced_step(model, optimizer, loss_fn, x, target):
    with tf.GradientTape() as tape:
        prediction = model(x, training=True)
        loss = loss_fn(target, prediction)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


class Wrapper:
    """Calls the real tf.function and claims nothing."""

    def __init__(self, function):
        self._function = function

    def __call__(self, *args, **kwargs):
        return self._function(*args, **kwargs)


train_step = Wrapper(_traced_step)


def train_epoch(model, optimizer, loss_fn, dataset) -> float:
    losses = [float(train_step(model, optimizer, lambda t, p: loss_fn(t, p), x, target)) for x, target in dataset]
    return sum(losses) / len(losses)
