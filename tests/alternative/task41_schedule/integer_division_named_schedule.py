# Noah: integer division for the number of drops, and a named schedule(epoch, lr) function
# that takes Keras' current rate and does not use it.
import tensorflow as tf


def step_decay(epoch, initial_lr=0.1, drop_factor=0.1, epochs_per_drop=30):
    drops = epoch // epochs_per_drop
    return initial_lr * drop_factor ** drops


def schedule(epoch, lr):
    return step_decay(epoch)


def make_scheduler():
    return tf.keras.callbacks.LearningRateScheduler(schedule)
