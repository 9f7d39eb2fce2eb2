import numpy as np


class MLP:
    def __init__(self, layer_sizes, seed=0):
        np.random.seed(seed)
        self.params = [(np.random.randn(m, n) * 0.1, np.zeros(n))
                       for m, n in zip(layer_sizes[:-1], layer_sizes[1:])]

    @staticmethod
    def _sigmoid(z):
        return 1.0 / (1.0 + np.exp(-z))

    @staticmethod
    def _softmax(z):
        z = z - z.max(axis=1, keepdims=True)
        return np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)

    def _forward_all(self, x):
        outs = [x]
        for k, (W, b) in enumerate(self.params):
            z = outs[-1] @ W + b
            outs.append(self._softmax(z) if k == len(self.params) - 1 else self._sigmoid(z))
        return outs

    def forward(self, x):
        return self._forward_all(x)[-1]

    def backward(self, x, targets):
        outs = self._forward_all(x)
        delta = outs[-1] - targets          # dL/dz of softmax + cross-entropy
        grads = []
        for k in reversed(range(len(self.params))):
            grads.append((outs[k].T @ delta, delta.sum(axis=0)))
            if k:
                delta = (delta @ self.params[k][0].T) * outs[k] * (1 - outs[k])
        return list(reversed(grads))

    def step(self, x, targets, learning_rate):
        probs = self.forward(x)
        loss = float(np.mean(-np.sum(targets * np.log(probs), axis=1)))
        grads = self.backward(x, targets)
        self.params = [(W - learning_rate * dW, b - learning_rate * db)
                       for (W, b), (dW, db) in zip(self.params, grads)]
        return loss
