# Lena: a loop that multiplies by drop_factor once per completed period, and
# functools.partial to bind the defaults for Keras.
import functools

import tensorflow as tf


def step_decay(epoch, initial_lr=0.1, drop_factor=0.1, epochs_per_drop=30):
    lr = initial_lr
    for _ in range(int(epoch) // int(epochs_per_drop)):
        lr *= drop_factor
    return lr


def _keras_schedule(epoch, lr, decay):
    return decay(epoch)


def make_scheduler():
    return tf.keras.callbacks.LearningRateScheduler(functools.partial(_keras_schedule, decay=step_decay))
