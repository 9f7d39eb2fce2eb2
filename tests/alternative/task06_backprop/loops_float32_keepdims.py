# Mia: like homework 1, one loop over the layers forward and one backward, float32
# everywhere, np.dot, and keepdims sums (so the biases become (1, n) after the first step).
import numpy as np


class MLP:
    def __init__(self, layer_sizes, seed=0):
        np.random.seed(seed)
        self.params = []
        for i in range(len(layer_sizes) - 1):
            W = np.random.randn(layer_sizes[i], layer_sizes[i + 1]).astype(np.float32) * 0.1
            b = np.zeros(layer_sizes[i + 1], dtype=np.float32)
            self.params.append((W, b))

    def sigmoid(self, x):
        return 1 / (1 + np.exp(-x))

    def softmax(self, x):
        exps = np.exp(x - np.max(x, axis=1, keepdims=True))
        return exps / np.sum(exps, axis=1, keepdims=True)

    def forward(self, x):
        self.activations = [x.astype(np.float32)]
        for i in range(len(self.params)):
            W, b = self.params[i]
            z = np.dot(self.activations[-1], W) + b
            if i == len(self.params) - 1:
                self.activations.append(self.softmax(z))
            else:
                self.activations.append(self.sigmoid(z))
        return self.activations[-1]

    def backward(self, x, targets):
        self.forward(x)
        n = x.shape[0]
        grads = []
        delta = (self.activations[-1] - targets) / n
        for i in range(len(self.params) - 1, -1, -1):
            dW = np.dot(self.activations[i].T, delta)
            db = np.sum(delta, axis=0, keepdims=True)
            grads.insert(0, (dW, db))
            if i > 0:
                W, _ = self.params[i]
                a = self.activations[i]
                delta = np.dot(delta, W.T) * a * (1 - a)
        return grads

    def step(self, x, targets, learning_rate):
        probs = self.forward(x)
        loss = -np.sum(targets * np.log(probs + 1e-9)) / x.shape[0]
        grads = self.backward(x, targets)
        new_params = []
        for (W, b), (dW, db) in zip(self.params, grads):
            new_params.append((W - learning_rate * dW, b - learning_rate * db))
        self.params = new_params
        return float(loss)
