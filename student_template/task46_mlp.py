"""Task 46 - Fully connected model fail.

The quiz's model for MNIST digit classification:

    Dense(20, activation=None)
    Dense(30, activation=None)
    Dense(50, activation=None)
    Dense(10, activation="softmax")

Task 46 asks what is wrong with it. Write

    build_mlp(num_classes=10) -> tf.keras.Model

returning the fixed model on flat input of shape (784,): hidden Dense layers of 20, 30
and 50 units, each followed by a non-linear activation (e.g. ReLU or tanh, given as the
activation argument or as a separate layer), then Dense(num_classes) with a softmax.
The output has shape (batch, num_classes) and holds class probabilities.

Sequential, functional or subclassed models are all fine.
"""

import tensorflow as tf


def build_mlp(num_classes: int = 10) -> tf.keras.Model:
    raise NotImplementedError("Task 46: build the fixed MLP described above")
