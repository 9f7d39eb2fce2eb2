# Noah: np.einsum for every product, params as a list of [W, b] lists that step updates in
# place (after backward has computed all gradients from the old weights), float64.
import numpy as np


def sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))


def softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


class MLP:
    def __init__(self, layer_sizes, seed=0):
        rng = np.random.default_rng(seed)
        self.params = [[rng.standard_normal((m, n)) * np.sqrt(2 / (m + n)), np.zeros(n)]
                       for m, n in zip(layer_sizes[:-1], layer_sizes[1:])]

    def _outputs(self, x):
        outputs = [np.asarray(x, dtype=np.float64)]
        for k, (W, b) in enumerate(self.params):
            z = np.einsum("bi,io->bo", outputs[-1], W) + b
            outputs.append(softmax(z) if k == len(self.params) - 1 else sigmoid(z))
        return outputs

    def forward(self, x):
        return self._outputs(x)[-1]

    def backward(self, x, targets):
        outputs = self._outputs(x)
        delta = (outputs[-1] - targets) / len(x)
        grads = []
        for k in range(len(self.params) - 1, -1, -1):
            grads.append((np.einsum("bi,bo->io", outputs[k], delta), np.einsum("bo->o", delta)))
            if k:
                a = outputs[k]
                delta = np.einsum("bo,io->bi", delta, self.params[k][0]) * a * (1 - a)
        return grads[::-1]

    def step(self, x, targets, learning_rate):
        probs = self.forward(x)
        loss = -np.einsum("bo,bo->", targets, np.log(np.clip(probs, 1e-12, None))) / len(x)
        grads = self.backward(x, targets)
        for layer, (dW, db) in zip(self.params, grads):
            layer[0] -= learning_rate * dW
            layer[1] -= learning_rate * db
        return float(loss)
