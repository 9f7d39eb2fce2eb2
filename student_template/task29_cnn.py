"""Task 29 - CNNs: number of parameters.

Build the CNN of the quiz on input images of shape (28, 28, 1):

    Conv2D(8 filters, 3x3, padding "same", ReLU)
    MaxPooling2D(2)
    Conv2D(16 filters, 3x3, padding "same", ReLU)
    MaxPooling2D(2)
    Flatten
    Dense(10, softmax)

`build_cnn()` returns the model (a tf.keras.Model). Then write the number of parameters
and the output shape of every layer into answers.yaml (keys task29.params_per_layer and
task29.output_shapes).
"""

import tensorflow as tf


def build_cnn() -> tf.keras.Model:
    raise NotImplementedError("Task 29: build the CNN described above")
