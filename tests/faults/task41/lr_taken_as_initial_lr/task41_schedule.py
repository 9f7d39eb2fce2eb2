import math

import tensorflow as tf


def step_decay(epoch, initial_lr=0.1, drop_factor=0.1, epochs_per_drop=30):
    return initial_lr * drop_factor ** math.floor(epoch / epochs_per_drop)


def make_scheduler():
    return tf.keras.callbacks.LearningRateScheduler(step_decay)
