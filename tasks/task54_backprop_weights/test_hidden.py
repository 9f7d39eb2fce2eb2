"""Task 54, hidden checks: every delta uses the weights from before the update.

The weight change that `step` makes in each layer is compared with s x learning_rate x
the gradient that `backward` returns for the same parameters (computed from the old
weights only). The factor s is read off the output layer (whose gradient does not
depend on the order of the updates), so a sign or scale error, which Task 6 grades, does
not count here. With the quiz's fault the lower layers' updates use deltas computed with
the already-updated weights of the layer above: they no longer match. The faulty order
is replayed with NumPy so that the feedback can say when it is exactly what happened.
"""

import numpy as np
import pytest

from grader.testing import array, check_choice

LARGE_RATE = 5.0


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def softmax(z):
    shifted = np.exp(z - z.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def layer_outputs(weights, biases, x):
    values = [x]
    for index, (w, b) in enumerate(zip(weights, biases)):
        z = values[-1] @ w + b
        values.append(softmax(z) if index == len(weights) - 1 else sigmoid(z))
    return values


def replay_updates(weights, biases, x, targets, factor, use_updated_weights):
    """Weights after one step with W += factor * dW, deltas from the old or the updated weights."""
    values = layer_outputs(weights, biases, x)
    new = [w.copy() for w in weights]
    delta = (values[-1] - targets) / len(x)
    for index in reversed(range(len(weights))):
        new[index] = weights[index] + factor * (values[index].T @ delta)
        if index:
            above = new[index] if use_updated_weights else weights[index]
            delta = (delta @ above.T) * values[index] * (1 - values[index])
    return new


def relative_error(got, expected):
    return float(np.linalg.norm(got - expected) / max(np.linalg.norm(expected), 1e-12))


def check_update_order(obs):
    rate = obs["learning_rate"]
    moves = [array(after, shape=before.shape) - before for before, after in zip(obs["W"], obs["W_after"])]
    grads = [array(g, shape=w.shape) for g, w in zip(obs["dW"], obs["W"])]
    last_move, last_grad = moves[-1], grads[-1]
    scale = float(np.sum(last_move * last_grad) / max(np.sum(last_grad * last_grad), 1e-300) / rate)
    assert abs(scale) > 1e-6 and np.linalg.norm(last_move) > 0, (
        "step did not change the output layer's weights, so the order of the updates cannot be "
        "seen: step must update every layer (W -= learning_rate * dW).")
    errors = [relative_error(m, scale * rate * g) for m, g in zip(moves, grads)]
    if max(errors) <= 1e-3:
        return
    layers = len(moves)
    lower = [index for index, e in enumerate(errors) if e > 1e-3]
    factor = scale * rate
    as_updated = replay_updates(obs["W"], obs["b"], obs["x"], obs["targets"], factor, True)
    matches_updated = all(relative_error(m, n - w) <= 1e-2
                          for m, n, w in zip(moves, as_updated, obs["W"]))
    evidence = (" Replaying your step shows exactly that order: your weights match the update "
                "computed with the already-updated weights." if matches_updated else "")
    raise AssertionError(
        f"With learning rate {rate:g} on a network of {layers} layers, the weight updates of "
        f"layer(s) {lower} (0 = first) differ from -learning_rate x the gradients that backward "
        f"computes from the weights before the step (relative error "
        f"{[round(e, 3) for e in errors]}).{evidence} The delta of layer L must be computed with "
        "the old weights of layer L+1, from before the update: the quiz's fault is updating "
        "W of layer L+1 first and then using the updated weights for delta of layer L. Compute "
        "all deltas (all gradients, e.g. with backward) first, then update every layer.")


@pytest.mark.points(3)
def test_deltas_use_weights_from_before_the_update(probe):
    """step computes every delta with the old weights (two and four hidden layers, large learning rates)"""
    check_update_order(probe.step_against_backward(learning_rate=LARGE_RATE))
    check_update_order(probe.step_against_backward(sizes=(5, 6, 6, 6, 6, 4), learning_rate=10.0))


@pytest.mark.points(1)
def test_backward_leaves_params_unchanged(probe):
    """backward only computes gradients: it does not change the parameters"""
    changed = probe.step_against_backward(learning_rate=LARGE_RATE)["backward_changed_params"]
    assert not any(changed), (
        f"backward changed the parameters of layer(s) {[i for i, c in enumerate(changed) if c]}: "
        "updating inside the backward pass means the deltas of the layers below are computed with "
        "already-updated weights. backward returns the gradients; step applies them afterwards.")


@pytest.mark.points(2)
def test_answer_weights_used(answers):
    """answers.yaml: task54.weights_used"""
    check_choice(answers["weights_used"], ("old", "updated"), "old", (
        "delta of layer L is computed with the old weights of layer L+1, the ones the forward "
        "pass used: the gradient is the derivative of the loss at the current weights. Updated "
        "weights mix two different points in every gradient, and in a deep network the error "
        "compounds layer by layer."))
