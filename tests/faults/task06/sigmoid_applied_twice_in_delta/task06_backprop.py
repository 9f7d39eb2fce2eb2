import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    return sigmoid(z) * (1.0 - sigmoid(z))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class MLP:
    def __init__(self, layer_sizes, seed=0):
        rng = np.random.default_rng(seed)
        self.params = [(rng.normal(0, 1 / np.sqrt(a), (a, b)), np.zeros(b))
                       for a, b in zip(layer_sizes[:-1], layer_sizes[1:])]

    def _run(self, x):
        activations = [x]
        for i, (W, b) in enumerate(self.params):
            z = activations[-1] @ W + b
            activations.append(softmax(z) if i == len(self.params) - 1 else sigmoid(z))
        return activations

    def forward(self, x):
        return self._run(x)[-1]

    def backward(self, x, targets):
        activations = self._run(x)
        delta = (activations[-1] - targets) / len(x)
        grads = []
        for i in reversed(range(len(self.params))):
            grads.insert(0, (activations[i].T @ delta, delta.sum(axis=0)))
            if i > 0:
                # derivative of the sigmoid ... applied to the activation, not to z
                delta = (delta @ self.params[i][0].T) * sigmoid_prime(activations[i])
        return grads

    def step(self, x, targets, learning_rate):
        loss = -np.mean(np.sum(targets * np.log(self.forward(x)), axis=1))
        for i, (dW, db) in enumerate(self.backward(x, targets)):
            W, b = self.params[i]
            self.params[i] = (W - learning_rate * dW, b - learning_rate * db)
        return float(loss)
