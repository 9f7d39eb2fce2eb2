import numpy as np


class MLP:
    def __init__(self, layer_sizes, seed=0):
        rng = np.random.default_rng(seed)
        self.params = [[rng.normal(size=(a, b)) / np.sqrt(a), np.zeros(b)]
                       for a, b in zip(layer_sizes, layer_sizes[1:])]

    def _layers(self, x):
        outs = [x]
        for i, (W, b) in enumerate(self.params):
            z = outs[-1] @ W + b
            if i == len(self.params) - 1:
                z = np.exp(z - z.max(axis=1, keepdims=True))
                outs.append(z / z.sum(axis=1, keepdims=True))
            else:
                outs.append(1 / (1 + np.exp(-z)))
        return outs

    def forward(self, x):
        return self._layers(x)[-1]

    def backward(self, x, targets):
        outs = self._layers(x)
        delta = (outs[-1] - targets) / x.shape[0]
        grads = [None] * len(self.params)
        for i in range(len(self.params) - 1, -1, -1):
            grads[i] = (outs[i].T @ delta, delta.sum(axis=0))
            if i:
                delta = delta @ self.params[i][0].T * outs[i] * (1 - outs[i])
        return grads

    def step(self, x, targets, learning_rate):
        old_params = list(self.params)  # keep the old weights for the deltas
        outs = self._layers(x)
        loss = float(-np.mean(np.sum(targets * np.log(outs[-1]), axis=1)))
        delta = (outs[-1] - targets) / x.shape[0]
        for i in range(len(self.params) - 1, -1, -1):
            W, b = self.params[i]
            W -= learning_rate * (outs[i].T @ delta)   # in place: old_params[i][0] is the same array
            b -= learning_rate * delta.sum(axis=0)
            if i:
                delta = delta @ old_params[i][0].T * outs[i] * (1 - outs[i])
        return loss
