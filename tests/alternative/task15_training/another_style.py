import numpy as np
import tensorflow as tf


@tf.function
def train_step(model, optimizer, loss_fn, x, target):
    with tf.GradientTape() as tape:
        loss = loss_fn(target, model(x, training=True))
    optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables),
                                  model.trainable_variables))
    return loss


def train_epoch(model, optimizer, loss_fn, dataset):
    batch_losses = []
    for x, target in dataset:
        batch_losses.append(train_step(model, optimizer, loss_fn, x, target).numpy())
    return float(np.mean(batch_losses))
