"""Tasks 6 and 54 with every parameter pair stored bias first, (b, W), and gradients as (db, dW).

Sigmoid hidden layers, a softmax output and the mean categorical cross-entropy over the
batch. `step` first computes every gradient from the current weights (so each delta uses
the weights from before the update, Task 54) and only then subtracts them (W -= lr * dW:
a `+=` there is the "tiny" error of Task 6 that makes the loss grow).
"""

import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1 / (1 + exp(-z)), without overflow


def softmax(z):
    shifted = z - z.max(axis=-1, keepdims=True)  # numerically stable for large logits
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


class MLP:
    def __init__(self, layer_sizes, seed=0):
        rng = np.random.default_rng(seed)
        self.params = [(np.zeros(n_out), rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_in, n_out)))
                       for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:])]

    def _activations(self, x):
        """The input and the output of every layer, first to last."""
        activations = [np.asarray(x, dtype=np.float64)]
        last = len(self.params) - 1
        for index, (bias, weights) in enumerate(self.params):
            z = activations[-1] @ weights + bias
            activations.append(softmax(z) if index == last else sigmoid(z))
        return activations

    def forward(self, x):
        return self._activations(x)[-1]

    def loss(self, x, targets):
        """Mean categorical cross-entropy over the batch."""
        probs = self.forward(x)
        return float(-np.mean(np.sum(targets * np.log(np.clip(probs, 1e-12, 1.0)), axis=1)))

    def backward(self, x, targets):
        activations = self._activations(x)
        delta = (activations[-1] - np.asarray(targets)) / len(activations[0])  # softmax + CCE, mean
        gradients = []
        for index in reversed(range(len(self.params))):
            _, weights = self.params[index]
            gradients.append((delta.sum(axis=0), activations[index].T @ delta))
            if index > 0:
                hidden = activations[index]
                delta = (delta @ weights.T) * hidden * (1.0 - hidden)  # sigmoid'(z) = a (1 - a)
        return gradients[::-1]

    def step(self, x, targets, learning_rate):
        loss = self.loss(x, targets)
        gradients = self.backward(x, targets)  # all deltas from the old weights
        self.params = [(bias - learning_rate * d_bias, weights - learning_rate * d_weights)
                       for (bias, weights), (d_bias, d_weights) in zip(self.params, gradients)]
        return loss
