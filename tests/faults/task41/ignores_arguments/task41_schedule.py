import tensorflow as tf


def step_decay(epoch, initial_lr=0.1, drop_factor=0.1, epochs_per_drop=30):
    if epoch < 30:
        return 0.1
    if epoch < 60:
        return 0.01
    return 0.001


def make_scheduler():
    return tf.keras.callbacks.LearningRateScheduler(lambda epoch, lr: step_decay(epoch))
