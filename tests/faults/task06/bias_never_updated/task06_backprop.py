import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


class MLP:
    def __init__(self, layer_sizes, seed=0):
        rng = np.random.default_rng(seed)
        self.params = [[rng.standard_normal((n_in, n_out)) / np.sqrt(n_in), np.zeros(n_out)]
                       for n_in, n_out in zip(layer_sizes, layer_sizes[1:])]

    def forward(self, x):
        for W, b in self.params[:-1]:
            x = sigmoid(x @ W + b)
        W, b = self.params[-1]
        return softmax(x @ W + b)

    def backward(self, x, targets):
        acts = [x]
        for W, b in self.params[:-1]:
            acts.append(sigmoid(acts[-1] @ W + b))
        W, b = self.params[-1]
        delta = (softmax(acts[-1] @ W + b) - targets) / len(x)
        grads = [None] * len(self.params)
        for l in range(len(self.params) - 1, -1, -1):
            grads[l] = (acts[l].T @ delta, delta.sum(axis=0))
            if l > 0:
                delta = (delta @ self.params[l][0].T) * acts[l] * (1 - acts[l])
        return grads

    def step(self, x, targets, learning_rate):
        loss = -np.mean(np.sum(targets * np.log(self.forward(x)), axis=1))
        grads = self.backward(x, targets)
        for layer, (dW, db) in zip(self.params, grads):
            layer[0] = layer[0] - learning_rate * dW
        return float(loss)
