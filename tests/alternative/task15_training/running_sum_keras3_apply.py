# Lena: Keras 3's optimizer.apply(grads, variables), a running sum and count in the epoch
# loop, and tf.function(...) applied as a call instead of a decorator.
import tensorflow as tf


def _step(model, optimizer, loss_fn, x, target):
    with tf.GradientTape() as tape:
        predictions = model(x, training=True)
        loss_value = loss_fn(target, predictions)
    optimizer.apply(tape.gradient(loss_value, model.trainable_weights), model.trainable_weights)
    return loss_value


train_step = tf.function(_step)


def train_epoch(model, optimizer, loss_fn, dataset):
    total, count = 0.0, 0
    for step, (x, target) in enumerate(dataset):
        total += train_step(model, optimizer, loss_fn, x, target).numpy()
        count = step + 1
    return float(total / count)
