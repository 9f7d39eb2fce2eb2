"""Task 49 - Failed regularization.

The quiz's Classifier puts an L2(0.01) regularizer on its Conv2D kernel, yet the weight
regularization has no effect. Write a working version:

    class Classifier(tf.keras.Model):
        __init__(self, learning_rate=0.01)
            Conv2D(40 filters, 4x4, strides 4, tanh, padding "same",
                   kernel_regularizer=tf.keras.regularizers.L2(0.01)), Flatten,
            Dense(10, softmax); self.loss_function; self.optimizer (SGD with learning_rate)
        call(self, x)
        train_step(self, image, target) -> loss
            one step on one batch (one-hot targets); the loss that is minimised AND
            returned includes the regularization losses

Careful with Keras 3: a @tf.function on `call`, called from a @tf.function `train_step`,
can leave variables without gradients.
"""

import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, learning_rate: float = 0.01):
        super().__init__()
        raise NotImplementedError("Task 49: build the layers, loss_function and optimizer")

    def call(self, x):
        raise NotImplementedError("Task 49: run the layers")

    def train_step(self, image, target):
        raise NotImplementedError("Task 49: one training step including the regularization loss")
