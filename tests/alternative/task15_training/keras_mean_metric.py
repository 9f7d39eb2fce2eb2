# Mia: like the course notebooks, a tf.keras.metrics.Mean collects the batch losses, and
# the model is called with training=True inside the tape.
import tensorflow as tf


@tf.function
def train_step(model, optimizer, loss_fn, x, target):
    with tf.GradientTape() as tape:
        prediction = model(x, training=True)
        loss = loss_fn(target, prediction)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


def train_epoch(model, optimizer, loss_fn, dataset):
    epoch_loss = tf.keras.metrics.Mean()
    for x, target in dataset:
        loss = train_step(model, optimizer, loss_fn, x, target)
        epoch_loss.update_state(loss)
    return float(epoch_loss.result())
