"""Task 35 - Inference fail.

In the quiz, `classifier(image)` raises an error for an MNIST digit `image` of shape
(28, 28, 1). Explain why in answers.yaml, and write inference that works:

    predict_digit(model, image) -> int

- `model` is a trained tf.keras.Model that expects float32 input of shape
  (batch, 28, 28, 1) with values in [-1, 1] (0 -> -1, 255 -> 1, as in training) and
  returns class probabilities of shape (batch, 10);
- `image` is one uint8 NumPy array of shape (28, 28, 1) with values 0..255;
- return the predicted class (the index of the largest probability) as a Python int.

Calling `model(x)`, `model(x, training=False)` or `model.predict(x)` are all fine.
"""

import numpy as np
import tensorflow as tf


def predict_digit(model: tf.keras.Model, image: np.ndarray) -> int:
    raise NotImplementedError("Task 35: preprocess the image, add a batch dimension, predict")
