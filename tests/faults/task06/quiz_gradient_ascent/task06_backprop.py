import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


class MLP:
    def __init__(self, layer_sizes, seed=0):
        rng = np.random.default_rng(seed)
        self.params = []
        for i in range(len(layer_sizes) - 1):
            W = rng.normal(0, 0.5, (layer_sizes[i], layer_sizes[i + 1]))
            b = np.zeros(layer_sizes[i + 1])
            self.params.append((W, b))

    def forward(self, x):
        self.activations = [x]
        for i, (W, b) in enumerate(self.params):
            z = self.activations[-1] @ W + b
            if i == len(self.params) - 1:
                self.activations.append(softmax(z))
            else:
                self.activations.append(sigmoid(z))
        return self.activations[-1]

    def backward(self, x, targets):
        probs = self.forward(x)
        delta = (probs - targets) / x.shape[0]
        grads = []
        for i in range(len(self.params) - 1, -1, -1):
            a = self.activations[i]
            grads.insert(0, (a.T @ delta, np.sum(delta, axis=0)))
            if i > 0:
                delta = delta @ self.params[i][0].T * a * (1 - a)
        return grads

    def step(self, x, targets, learning_rate):
        probs = self.forward(x)
        loss = -np.mean(np.sum(targets * np.log(probs + 1e-9), axis=1))
        grads = self.backward(x, targets)
        new_params = []
        for (W, b), (dW, db) in zip(self.params, grads):
            W = W + learning_rate * dW
            b = b + learning_rate * db
            new_params.append((W, b))
        self.params = new_params
        return loss
