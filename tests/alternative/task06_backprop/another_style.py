# Ada's MLP: float32, separate weight and bias lists behind a `params` property, biases
# shaped (1, n), in-place updates after all gradients are known.
import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -60, 60)))


def _log_softmax(z):
    m = np.max(z, axis=1, keepdims=True)
    return z - m - np.log(np.sum(np.exp(z - m), axis=1, keepdims=True))


class MLP:
    def __init__(self, layer_sizes: list[int], seed: int = 0):
        rng = np.random.default_rng(seed)
        self.weights = []
        self.biases = []
        for fan_in, fan_out in zip(layer_sizes, layer_sizes[1:]):
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            self.weights.append(rng.uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32))
            self.biases.append(np.zeros((1, fan_out), dtype=np.float32))

    @property
    def params(self):
        return list(zip(self.weights, self.biases))

    @params.setter
    def params(self, new_params):
        self.weights = [np.asarray(w, dtype=np.float32) for w, _ in new_params]
        self.biases = [np.asarray(b, dtype=np.float32).reshape(1, -1) for _, b in new_params]

    def _logits_and_hidden(self, x):
        hidden = [np.asarray(x, dtype=np.float32)]
        for w, b in zip(self.weights[:-1], self.biases[:-1]):
            hidden.append(_sigmoid(hidden[-1] @ w + b))
        return hidden[-1] @ self.weights[-1] + self.biases[-1], hidden

    def forward(self, x):
        logits, _ = self._logits_and_hidden(x)
        return np.exp(_log_softmax(logits))

    def backward(self, x, targets):
        logits, hidden = self._logits_and_hidden(x)
        batch = logits.shape[0]
        error = (np.exp(_log_softmax(logits)) - targets) / batch
        grads = [None] * len(self.weights)
        for layer in range(len(self.weights) - 1, -1, -1):
            grads[layer] = (hidden[layer].T @ error, np.sum(error, axis=0, keepdims=True))
            if layer:
                a = hidden[layer]
                error = np.dot(error, self.weights[layer].T) * (a - a * a)
        return grads

    def step(self, x, targets, learning_rate):
        logits, _ = self._logits_and_hidden(x)
        loss = -np.mean(np.sum(targets * _log_softmax(logits), axis=1))
        grads = self.backward(x, targets)
        for w, b, (dw, db) in zip(self.weights, self.biases, grads):
            w -= learning_rate * dw
            b -= learning_rate * db
        return float(loss)
