"""Task 41 - SGD modification (step decay).

The "spontaneous collapses" of the error curves in the ResNet paper's figure come from a
modification of SGD; derive it in answers.yaml. Here, implement it:

    step_decay(epoch, initial_lr=0.1, drop_factor=0.1, epochs_per_drop=30) -> float
        the learning rate for `epoch` (epochs count from 0): initial_lr, multiplied by
        drop_factor once every epochs_per_drop epochs. step_decay(29) == 0.1,
        step_decay(30) == 0.01, step_decay(60) == 0.001.

    make_scheduler() -> tf.keras.callbacks.LearningRateScheduler
        a callback that makes model.fit use step_decay (with its defaults) as the learning
        rate of every epoch.

Careful: Keras calls the schedule as schedule(epoch, lr), where lr is the optimizer's
current learning rate. That current rate must not become step_decay's initial_lr.
"""

import tensorflow as tf


def step_decay(epoch: int, initial_lr: float = 0.1, drop_factor: float = 0.1,
               epochs_per_drop: int = 30) -> float:
    raise NotImplementedError("Task 41: the learning rate for this epoch")


def make_scheduler() -> tf.keras.callbacks.LearningRateScheduler:
    raise NotImplementedError("Task 41: a LearningRateScheduler that applies step_decay")
