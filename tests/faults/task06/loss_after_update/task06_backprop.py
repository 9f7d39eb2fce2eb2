import numpy as np


class MLP:
    def __init__(self, layer_sizes, seed=0):
        rng = np.random.default_rng(seed)
        self.params = []
        for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]):
            self.params.append((rng.normal(size=(n_in, n_out)) * np.sqrt(2 / (n_in + n_out)),
                                np.zeros(n_out)))

    def forward(self, x):
        h = x
        for i, (W, b) in enumerate(self.params):
            z = h @ W + b
            if i < len(self.params) - 1:
                h = 1 / (1 + np.exp(-z))
            else:
                z = z - z.max(axis=1, keepdims=True)
                h = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        return h

    def loss(self, x, targets):
        return -np.mean(np.sum(targets * np.log(self.forward(x) + 1e-12), axis=1))

    def backward(self, x, targets):
        hs = [x]
        for i, (W, b) in enumerate(self.params[:-1]):
            hs.append(1 / (1 + np.exp(-(hs[-1] @ W + b))))
        d = (self.forward(x) - targets) / x.shape[0]
        grads = []
        for i in range(len(self.params) - 1, -1, -1):
            grads = [(hs[i].T @ d, d.sum(0))] + grads
            if i:
                d = d @ self.params[i][0].T * hs[i] * (1 - hs[i])
        return grads

    def step(self, x, targets, learning_rate):
        grads = self.backward(x, targets)
        self.params = [(W - learning_rate * dW, b - learning_rate * db)
                       for (W, b), (dW, db) in zip(self.params, grads)]
        return float(self.loss(x, targets))  # loss of the trained network
