"""Task 53 - Initialization.

Explain in answers.yaml why initialising all weights with zeros is a bad idea. Here,
build a model that avoids it:

    build_model() -> tf.keras.Model
        input shape (784,); Dense(64) with ReLU, then Dense(10) with softmax,
        initialised so that the hidden units are not symmetric (no two hidden units start
        with the same weights), so that training can make them learn different features.
"""

import tensorflow as tf


def build_model() -> tf.keras.Model:
    raise NotImplementedError("Task 53: build the MLP with a symmetry-breaking initialisation")
