import numpy as np


class Dense:
    def __init__(self, n_in, n_out, activation, rng):
        self.W = rng.normal(0.0, np.sqrt(1.0 / n_in), (n_in, n_out))
        self.b = np.zeros(n_out)
        self.activation = activation

    def __call__(self, x):
        self.x = x
        z = x @ self.W + self.b
        if self.activation == "sigmoid":
            self.a = 1.0 / (1.0 + np.exp(-z))
        else:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            self.a = e / e.sum(axis=1, keepdims=True)
        return self.a

    def gradients(self, delta):
        return self.x.T @ delta, delta.sum(axis=0)

    def backward(self, delta, learning_rate=0.0):
        """Update this layer and return the delta for the layer below (before its activation)."""
        dW, db = self.gradients(delta)
        self.W -= learning_rate * dW
        self.b -= learning_rate * db
        return delta @ self.W.T


class MLP:
    def __init__(self, layer_sizes, seed=0):
        rng = np.random.default_rng(seed)
        n = len(layer_sizes) - 1
        self.layers = [Dense(layer_sizes[i], layer_sizes[i + 1],
                             "softmax" if i == n - 1 else "sigmoid", rng) for i in range(n)]

    @property
    def params(self):
        return [(layer.W, layer.b) for layer in self.layers]

    @params.setter
    def params(self, values):
        for layer, (W, b) in zip(self.layers, values):
            layer.W, layer.b = np.array(W, dtype=float), np.array(b, dtype=float)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def backward(self, x, targets):
        probs = self.forward(x)
        delta = (probs - targets) / len(x)
        grads = []
        for i in reversed(range(len(self.layers))):
            layer = self.layers[i]
            grads.append(layer.gradients(delta))
            if i:
                below = self.layers[i - 1].a
                delta = (delta @ layer.W.T) * below * (1 - below)
        return grads[::-1]

    def step(self, x, targets, learning_rate):
        probs = self.forward(x)
        loss = -np.sum(targets * np.log(probs)) / len(x)
        delta = (probs - targets) / len(x)
        for i in reversed(range(len(self.layers))):
            delta = self.layers[i].backward(delta, learning_rate)
            if i:
                below = self.layers[i - 1].a
                delta = delta * below * (1 - below)
        return float(loss)
