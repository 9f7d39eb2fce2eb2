"""Tasks 6 and 54 with params = [weights, biases]: two separate lists instead of (W, b) pairs."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


class MLP:
    def __init__(self, layer_sizes, seed=0):
        rng = np.random.default_rng(seed)
        weights = [rng.normal(0, 0.5, (n_in, n_out)) for n_in, n_out in zip(layer_sizes, layer_sizes[1:])]
        biases = [np.zeros(n_out) for n_out in layer_sizes[1:]]
        self.params = [weights, biases]

    def _activations(self, x):
        weights, biases = self.params
        outputs = [x]
        for i, (w, b) in enumerate(zip(weights, biases)):
            z = outputs[-1] @ w + b
            outputs.append(softmax(z) if i == len(weights) - 1 else sigmoid(z))
        return outputs

    def forward(self, x):
        return self._activations(x)[-1]

    def backward(self, x, targets):
        weights, _ = self.params
        outputs = self._activations(x)
        delta = (outputs[-1] - targets) / len(x)
        grads = [None] * len(weights)
        for i in reversed(range(len(weights))):
            grads[i] = (outputs[i].T @ delta, delta.sum(axis=0))
            if i > 0:
                delta = (delta @ weights[i].T) * outputs[i] * (1 - outputs[i])
        return grads

    def step(self, x, targets, learning_rate):
        probs = self.forward(x)
        loss = -np.mean(np.sum(targets * np.log(probs), axis=1))
        grads = self.backward(x, targets)
        weights, biases = self.params
        self.params = [[w - learning_rate * dw for w, (dw, _) in zip(weights, grads)],
                       [b - learning_rate * db for b, (_, db) in zip(biases, grads)]]
        return float(loss)
