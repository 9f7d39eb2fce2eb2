import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class MLP:
    def __init__(self, layer_sizes, seed=0):
        rng = np.random.default_rng(seed)
        self.params = [(rng.normal(0, 1 / np.sqrt(n), (n, m)), np.zeros(m))
                       for n, m in zip(layer_sizes[:-1], layer_sizes[1:])]

    def _forward(self, x):
        activations = [x]
        for i, (W, b) in enumerate(self.params):
            z = activations[-1] @ W + b
            activations.append(softmax(z) if i == len(self.params) - 1 else sigmoid(z))
        return activations

    def forward(self, x):
        return self._forward(x)[-1]

    def backward(self, x, targets):
        activations = self._forward(x)
        delta = (activations[-1] - targets) / len(x)
        grads = []
        for i in reversed(range(len(self.params))):
            grads.insert(0, (activations[i].T @ delta, delta.sum(axis=0)))
            if i > 0:
                delta = (delta @ self.params[i][0].T) * activations[i] * (1 - activations[i])
        return grads

    def step(self, x, targets, learning_rate):
        activations = self._forward(x)
        loss = -np.mean(np.sum(targets * np.log(activations[-1]), axis=1))
        delta = (activations[-1] - targets) / len(x)
        # backpropagate and update each layer on the way down
        for i in reversed(range(len(self.params))):
            W, b = self.params[i]
            W = W - learning_rate * activations[i].T @ delta
            b = b - learning_rate * delta.sum(axis=0)
            self.params[i] = (W, b)
            if i > 0:
                delta = (delta @ W.T) * activations[i] * (1 - activations[i])
        return float(loss)
