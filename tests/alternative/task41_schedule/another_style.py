# Donald's version: integer division and a one-argument schedule (Keras falls back to
# schedule(epoch) when schedule(epoch, lr) raises TypeError).
from tensorflow import keras


def step_decay(epoch, initial_lr=0.1, drop_factor=0.1, epochs_per_drop=30):
    drops = int(epoch) // int(epochs_per_drop)
    return initial_lr * (drop_factor ** drops)


def _schedule(epoch):
    return step_decay(epoch)


def make_scheduler():
    return keras.callbacks.LearningRateScheduler(_schedule, verbose=0)
