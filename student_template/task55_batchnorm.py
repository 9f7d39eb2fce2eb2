"""Task 55 - BatchNormalization failed.

The quiz's Classifier makes two programming mistakes involving BatchNormalization. Write
a correct version:

    class Classifier(tf.keras.Model):
        __init__(self, learning_rate=0.01)
            Dense(10, tanh), BatchNormalization, Dense(10, tanh), BatchNormalization,
            Dense(10, softmax); self.loss_function; self.optimizer (SGD)
        call(self, x, training=False)
        train_step(self, image, target) -> loss
            one step on one batch (one-hot targets) that trains with batch statistics
            and updates the moving statistics

Careful with Keras 3: a @tf.function on `call`, called from a @tf.function `train_step`,
can leave variables without gradients.
"""

import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, learning_rate: float = 0.01):
        super().__init__()
        raise NotImplementedError("Task 55: build the layers, loss_function and optimizer")

    def call(self, x, training=False):
        raise NotImplementedError("Task 55: run the layers")

    def train_step(self, image, target):
        raise NotImplementedError("Task 55: one training step")
