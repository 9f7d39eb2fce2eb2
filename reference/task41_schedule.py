"""Task 41: step decay of the learning rate, the SGD modification of the ResNet paper.

The rate is divided by 10 at fixed epochs; each drop lets SGD settle into a narrower
valley, which shows as the sudden fall of the error curves in the figure.
"""

import math

import tensorflow as tf


def step_decay(epoch: int, initial_lr: float = 0.1, drop_factor: float = 0.1,
               epochs_per_drop: int = 30) -> float:
    return float(initial_lr * drop_factor ** math.floor(epoch / epochs_per_drop))


def make_scheduler() -> tf.keras.callbacks.LearningRateScheduler:
    # Keras calls schedule(epoch, lr) with the optimizer's current rate: ignore it, so that
    # it is never taken for initial_lr.
    return tf.keras.callbacks.LearningRateScheduler(lambda epoch, lr: step_decay(epoch))
