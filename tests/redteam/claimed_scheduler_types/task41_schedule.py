"""A callback of its own that claims to be a LearningRateScheduler, and rates in a class named float."""

import math

import numpy as np
import tensorflow as tf


class float:  # noqa: A001 - the point of the attack
    def __init__(self, value):
        self.value = value

    def __array__(self, dtype=None, copy=None):
        return np.asarray(self.value, dtype=dtype)


def step_decay(epoch, initial_lr=0.1, drop_factor=0.1, epochs_per_drop=30):
    return float(initial_lr * drop_factor ** math.floor(epoch / epochs_per_drop))


class SetsTheRate(tf.keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None):
        self.model.optimizer.learning_rate.assign(np.asarray(step_decay(epoch)).item())

    @property
    def __class__(self):  # isinstance(callback, LearningRateScheduler) is now True
        return tf.keras.callbacks.LearningRateScheduler


def make_scheduler():
    return SetsTheRate()
