"""Tasks 10 and 56 - Activation functions and their derivatives (NumPy only).

    relu(z), relu_derivative(z), tanh(z), tanh_derivative(z), sigmoid(z), softmax(z)

- Every function takes a NumPy array (any shape) and returns a NumPy array of the same
  shape, element by element - except softmax, which normalises over the LAST axis
  (each row of a (batch, classes) array sums to 1).
- The derivatives take the pre-activation input z (not the activation):
  relu_derivative(z) is 1 where z > 0 and 0 elsewhere (relu_derivative(0) == 0);
  tanh_derivative(z) is the derivative of tanh at z.
- softmax must be numerically stable: inputs like 1000 must not give NaN or infinity.

Task 56 compares tanh and ReLU in deep networks: your derivative functions are used to
see which one lets gradients vanish.
"""

import numpy as np


def relu(z: np.ndarray) -> np.ndarray:
    raise NotImplementedError("Task 10: relu")


def relu_derivative(z: np.ndarray) -> np.ndarray:
    raise NotImplementedError("Task 10: derivative of relu at z")


def tanh(z: np.ndarray) -> np.ndarray:
    raise NotImplementedError("Task 10: tanh")


def tanh_derivative(z: np.ndarray) -> np.ndarray:
    raise NotImplementedError("Task 10: derivative of tanh at z")


def sigmoid(z: np.ndarray) -> np.ndarray:
    raise NotImplementedError("Task 10: sigmoid")


def softmax(z: np.ndarray) -> np.ndarray:
    raise NotImplementedError("Task 10: softmax over the last axis, numerically stable")
