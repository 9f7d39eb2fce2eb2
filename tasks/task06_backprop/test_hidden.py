"""Task 6, hidden checks: forward pass, gradients and the SGD step of the NumPy MLP.

Expected values are computed here with an independent NumPy implementation (sigmoid
hidden layers, softmax output, mean categorical cross-entropy) from the parameters and
data the probe used.
"""

import numpy as np
import pytest

from grader.testing import array

DEEP = (6, 8, 7, 4)  # two hidden layers


# --- trusted NumPy implementation ---------------------------------------------------------

def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def log_softmax(z):
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def activations(weights, biases, x):
    values = [x]
    for index, (w, b) in enumerate(zip(weights, biases)):
        z = values[-1] @ w + b
        values.append(z if index == len(weights) - 1 else sigmoid(z))
    return values  # the last entry holds the logits


def probabilities(weights, biases, x):
    return np.exp(log_softmax(activations(weights, biases, x)[-1]))


def mean_cce(weights, biases, x, targets):
    return float(-np.mean(np.sum(targets * log_softmax(activations(weights, biases, x)[-1]), axis=1)))


def gradients(weights, biases, x, targets):
    values = activations(weights, biases, x)
    delta = (np.exp(log_softmax(values[-1])) - targets) / len(x)
    d_weights, d_biases = [None] * len(weights), [None] * len(weights)
    for index in reversed(range(len(weights))):
        d_weights[index], d_biases[index] = values[index].T @ delta, delta.sum(axis=0)
        if index:
            delta = (delta @ weights[index].T) * values[index] * (1 - values[index])
    return d_weights, d_biases


def relative_error(got, expected):
    return float(np.linalg.norm(got - expected) / max(np.linalg.norm(expected), 1e-12))


def ratio(got, expected):
    return float(np.sum(got * expected) / max(np.sum(expected * expected), 1e-300))


def expected_gradients(obs):
    return gradients(obs["W"], obs["b"], obs["x"], obs["targets"])


# --- checks ------------------------------------------------------------------------------

@pytest.mark.points(1)
def test_forward_matches_numpy(probe):
    """forward computes sigmoid hidden layers and a softmax output"""
    for sizes in [(4, 5, 3), DEEP]:
        obs = probe.forward() if sizes == (4, 5, 3) else probe.forward(sizes=sizes)
        got = array(obs["probs"]["values"], shape=(6, sizes[-1]))
        expected = probabilities(obs["W"], obs["b"], obs["x"])
        assert np.allclose(got, expected, rtol=1e-4, atol=1e-6), (
            f"forward on a {list(sizes)} network differs from x @ W + b with sigmoid hidden layers "
            f"and a softmax output (largest difference {np.max(np.abs(got - expected)):.3g}). Use "
            "sigmoid (not ReLU or tanh) on every hidden layer, softmax only on the last, and the "
            f"parameters stored in self.params (the grader assigns them). Expected first row "
            f"{np.round(expected[0], 5).tolist()}, got {np.round(got[0], 5).tolist()}.")


@pytest.mark.points(1)
def test_softmax_output_numerically_stable(probe):
    """The softmax output stays finite for logits around 1000 and more"""
    obs = probe.forward(output_scale=3000.0, output_shift=1000.0)
    got = obs["probs"]["values"]
    expected = probabilities(obs["W"], obs["b"], obs["x"])
    assert got is not None and got.shape == expected.shape and np.all(np.isfinite(got)), (
        "With logits around 1000 forward returns NaN or infinity: np.exp overflows (or, with "
        "one maximum subtracted for the whole batch, a row underflows to 0 / 0). Subtract the "
        "maximum of each row from the logits before np.exp (softmax is unchanged by the shift), "
        "i.e. z - z.max(axis=1, keepdims=True).")
    assert np.allclose(got, expected, atol=1e-5), (
        "With logits around 1000 the softmax output is wrong: subtract the maximum of each row "
        "(not of the whole batch) before np.exp.")


@pytest.mark.points(2)
def test_gradients_match_numpy(probe):
    """backward returns the gradients of the mean cross-entropy for every layer"""
    for sizes in [(4, 5, 3), DEEP]:
        obs = probe.gradients() if sizes == (4, 5, 3) else probe.gradients(sizes=sizes)
        batch = len(obs["x"])
        want_w, want_b = expected_gradients(obs)
        got_w = [array(d, shape=w.shape) for d, w in zip(obs["dW"], want_w)]
        got_b = [array(d, shape=b.shape) for d, b in zip(obs["db"], want_b)]
        errors_w = [relative_error(g, e) for g, e in zip(got_w, want_w)]
        errors_b = [relative_error(g, e) for g, e in zip(got_b, want_b)]
        if max(errors_w + errors_b) <= 1e-3:
            continue
        ratios = [ratio(g, e) for g, e in zip(got_w + got_b, want_w + want_b)]
        where = f"on a {list(sizes)} network with a batch of {batch}"
        if all(abs(r - batch) < 0.01 * batch for r in ratios):
            hint = (f"every gradient is {batch} times too large: they are summed over the batch. The "
                    "loss is the mean over the batch, so divide by the batch size (e.g. delta = "
                    "(probs - targets) / batch_size).")
        elif all(abs(r + 1) < 0.01 for r in ratios):
            hint = ("every gradient has the wrong sign: the output delta of softmax with "
                    "cross-entropy is probs - targets (not targets - probs).")
        elif errors_w[-1] <= 1e-3 and errors_b[-1] <= 1e-3:
            hint = ("the output layer is right, the hidden layers are not: the hidden delta is "
                    "(delta_next @ W_next.T) * a * (1 - a), where a is the layer's sigmoid output "
                    "(sigmoid'(z) = a (1 - a); do not apply sigmoid to a again), and W_next the "
                    "weights of the layer above.")
        elif max(errors_w) <= 1e-3:
            hint = "the weight gradients are right but db is not: db is delta summed over the batch axis."
        else:
            hint = ("the output delta of softmax with the mean cross-entropy is "
                    "(probs - targets) / batch_size, dW = a_prev.T @ delta and db = delta.sum(axis=0).")
        raise AssertionError(
            f"backward's gradients are off {where} (relative error per layer: dW "
            f"{[round(e, 4) for e in errors_w]}, db {[round(e, 4) for e in errors_b]}): {hint} "
            f"Expected dW of the last layer, first row: {np.round(want_w[-1][0], 5).tolist()}, got "
            f"{np.round(got_w[-1][0], 5).tolist()}.")


@pytest.mark.points(1)
def test_gradients_averaged_over_batch(probe):
    """The gradients are averaged over the batch: a batch stacked twice gives the same gradients"""
    once = probe.gradients(sizes=DEEP, own=True)
    twice = probe.gradients(sizes=DEEP, repeat=2, own=True)
    factors = [ratio(b, a) for a, b in zip(once["dW"] + once["db"], twice["dW"] + twice["db"])
               if np.linalg.norm(a) > 1e-12]  # the MLP's own initial weights: some may be zero
    assert all(abs(f - 1) < 1e-3 for f in factors), (
        "Stacking the same batch twice changes the gradients by a factor "
        f"{np.round(np.median(factors), 3)}: they grow with the batch size. The loss is the mean "
        "over the batch, so its gradients are averaged too: divide the output delta by the batch "
        "size (and the learning rate then means the same for every batch size).")


@pytest.mark.points(1)
def test_step_returns_loss_before_update(probe):
    """step returns the mean cross-entropy computed with the weights before the update"""
    obs = probe.one_step(learning_rate=0.5)
    before = mean_cce(obs["W"], obs["b"], obs["x"], obs["targets"])
    after = mean_cce(obs["W_after"], obs["b_after"], obs["x"], obs["targets"])
    returned = obs["returned"]["value"]
    assert returned is not None, f"step returned {obs['returned']['kind']}, not the loss."
    if abs(returned - after) <= 1e-5 * max(1, after) < abs(returned - before):
        raise AssertionError(
            f"step returned {returned:.6f}, the loss after the update; return the loss computed "
            f"before the update ({before:.6f}), i.e. from the forward pass of this step.")
    assert abs(returned - before) <= 1e-4 * max(1.0, before), (
        f"step returned {returned:.6f}; the mean categorical cross-entropy of the batch before the "
        f"update is {before:.6f}. Return -mean(sum(targets * log(probs), axis=1)), the mean over "
        "the batch (not the sum), computed before the update.")


@pytest.mark.points(1)
def test_step_updates_every_layer(probe):
    """step changes the weights and the biases of every layer"""
    obs = probe.one_step(sizes=DEEP, learning_rate=0.5)
    for name, before, after in (("weights", obs["W"], obs["W_after"]), ("bias", obs["b"], obs["b_after"])):
        still = [index for index, (a, b) in enumerate(zip(before, after))
                 if b.shape == a.shape and np.allclose(a, b, rtol=0, atol=1e-12)]
        assert not still, (
            f"After step the {name} of layer(s) {still} (0 = first) are unchanged. Update every "
            f"layer's W and b: W -= lr * dW and b -= lr * db for each (dW, db) that backward returns"
            f"{' (the bias update is missing)' if name == 'bias' else ''}. Assign the new arrays back "
            "to self.params (a loop variable `W = W - lr * dW` changes nothing stored).")


@pytest.mark.points(2)
def test_step_is_gradient_descent(probe):
    """step moves every parameter by -learning_rate x the gradient backward returns"""
    obs = probe.one_step(sizes=DEEP, learning_rate=0.001)
    rate = obs["learning_rate"]
    moves = [a - b for a, b in zip(obs["W_after"] + obs["b_after"], obs["W"] + obs["b"])]
    expected = [-rate * g for g in obs["backward_dW"] + obs["backward_db"]]
    moved = [index for index, move in enumerate(moves) if np.any(move != 0)]
    judged = moved or list(range(len(moves)))  # an array never updated: the check above names it
    errors = [relative_error(moves[i], expected[i]) for i in judged]
    if max(errors) <= 0.05:
        return
    ratios = [ratio(moves[i], expected[i]) for i in judged]
    if all(r < -0.5 for r in ratios):
        raise AssertionError(
            "step moves the parameters along +learning_rate x gradient: that is gradient ascent, "
            "the loss grows. This is the tiny error of the quiz, the sign of the update: write "
            "W -= learning_rate * dW (and b -= learning_rate * db), not +=.")
    raise AssertionError(
        f"step does not move the parameters by -learning_rate x the gradients backward returns "
        f"(the update is {np.round(np.median(ratios), 3)} times that; relative error per array "
        f"{[round(e, 3) for e in errors]}, weights first, then biases). One SGD step is "
        "W -= learning_rate * dW and b -= learning_rate * db for every layer, with dW and db "
        "the gradients of the mean loss over the batch.")


@pytest.mark.points(2)
def test_loss_decreases_during_training(probe):
    """The loss decreases over 200 SGD steps on a small learnable problem"""
    obs = probe.training()
    if obs["readable"]:
        start = mean_cce(obs["W"], obs["b"], obs["x"], obs["targets"])
        with np.errstate(all="ignore"):
            end = mean_cce(obs["W_after"], obs["b_after"], obs["x"], obs["targets"])
        assert np.isfinite(end), "After training the parameters hold NaN or infinity."
    else:  # params cannot be read (the layout check says why): the losses step returned
        start, end = obs["losses"][0], obs["losses"][-1]
        assert np.isfinite(start) and np.isfinite(end), (
            f"step returned the losses {start} and {end}, first and last: not finite numbers.")
    if end > start:
        raise AssertionError(
            f"The loss grows during training, from {start:.3f} to {end:.3f}. The typical tiny "
            "error: the sign of the update. Gradient descent subtracts the gradient, "
            "W -= learning_rate * dW; W += learning_rate * dW climbs the loss (gradient ascent).")
    assert end < 0.7 * start, (
        f"The loss barely decreases in 200 full-batch steps with learning rate 0.2 (from "
        f"{start:.3f} to {end:.3f}; a correct MLP gets below {0.7 * start:.3f}). Check that step "
        "updates every layer with -learning_rate x the gradients of the mean loss.")
