import tensorflow as tf


def step_decay(epoch, initial_lr=0.1, drop_factor=0.1, epochs_per_drop=30):
    # epoch 30 is the 30th epoch
    return initial_lr * drop_factor ** ((epoch + 1) // epochs_per_drop)


def make_scheduler():
    return tf.keras.callbacks.LearningRateScheduler(lambda epoch, lr: step_decay(epoch))
