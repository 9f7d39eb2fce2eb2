import tensorflow as tf


def step_decay(epoch, initial_lr=0.1, drop_factor=0.1, epochs_per_drop=30):
    drops = tf.math.floor(epoch / epochs_per_drop)
    return initial_lr * tf.pow(drop_factor, drops)


def make_scheduler():
    return tf.keras.callbacks.LearningRateScheduler(lambda epoch, lr: step_decay(epoch))
