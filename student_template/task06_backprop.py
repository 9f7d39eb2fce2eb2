"""Tasks 6 and 54 - Backpropagation by hand (NumPy only).

Write a multi-layer perceptron that trains itself with backpropagation:

    MLP(layer_sizes: list[int], seed: int = 0)

- `layer_sizes` includes the input size, e.g. [784, 32, 10]: 784 inputs, one hidden layer
  of 32 units, 10 classes.
- `params`: a list with one pair `(W, b)` of NumPy arrays per layer, `W` shaped
  (n_in, n_out), so that a layer computes `x @ W + b`. The grader may assign
  `model.params = [...]` (same shapes) and expects forward/backward/step to use them.
- `forward(x) -> probs`: `x` is (batch, n_inputs); every hidden layer uses the sigmoid,
  the output layer the softmax (numerically stable: logits of 1000 must not give NaN).
  Returns (batch, n_classes) probabilities.
- `backward(x, targets) -> list[(dW, db)]`: `targets` are one-hot (batch, n_classes).
  Returns the gradients of the mean categorical cross-entropy over the batch with respect
  to every `W` and `b`, in the order of `params`. It does not change `params`.
- `step(x, targets, learning_rate) -> float`: one step of gradient descent on all layers.
  Returns the loss computed before the update; afterwards `params` holds the new weights.
  Task 6: mind the sign of the update (the loss must decrease).
  Task 54: every delta is computed with the weights from before the update.

Use NumPy only (no TensorFlow).
"""

import numpy as np


class MLP:
    def __init__(self, layer_sizes: list[int], seed: int = 0):
        raise NotImplementedError("Task 6: create self.params, one (W, b) pair per layer")

    def forward(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError("Task 6: sigmoid hidden layers, softmax output")

    def backward(self, x: np.ndarray, targets: np.ndarray) -> list:
        raise NotImplementedError("Task 6: gradients of the mean cross-entropy, one (dW, db) per layer")

    def step(self, x: np.ndarray, targets: np.ndarray, learning_rate: float) -> float:
        raise NotImplementedError("Tasks 6 and 54: one SGD step on all layers, return the loss")
