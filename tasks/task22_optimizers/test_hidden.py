"""Task 22, hidden checks: AdaGrad and RMSprop step by step, against Keras and against NumPy.

The Keras trajectories come from the probe (Keras run from the same state with the same
hyperparameters); the NumPy trajectories are computed here, so a check never depends
only on what ran beside the student's code.
"""

import numpy as np
import pytest

from grader.testing import array, as_bool

STEPS, SHAPE = 6, (3, 4)
TOLERANCE = 1e-5


def case(seed):
    """A starting parameter and gradients with |g| in [0.5, 2] (so epsilon's place does not matter)."""
    rng = np.random.default_rng(seed)
    param = rng.normal(size=SHAPE).astype(np.float32)
    magnitude = rng.uniform(0.5, 2.0, size=(STEPS, *SHAPE))
    grads = (magnitude * rng.choice([-1.0, 1.0], size=(STEPS, *SHAPE))).astype(np.float32)
    return param.astype(np.float64), grads.astype(np.float64)


def adagrad_numpy(param, grads, accumulator, learning_rate, epsilon, variant="correct"):
    params, states = [], []
    accumulator = np.broadcast_to(accumulator, param.shape).astype(np.float64)
    for grad in grads:
        new_accumulator = accumulator + grad ** 2
        if variant == "old_accumulator":
            denominator = np.sqrt(accumulator) + epsilon
        elif variant == "no_sqrt":
            denominator = new_accumulator + epsilon
        else:
            denominator = np.sqrt(new_accumulator) + epsilon
        param = param - learning_rate * grad / denominator
        accumulator = new_accumulator if variant != "state_not_updated" else accumulator
        params.append(param)
        states.append(accumulator)
    return np.stack(params), np.stack(states)


def rmsprop_numpy(param, grads, mean_square, learning_rate, rho, epsilon, variant="correct"):
    params, states = [], []
    mean_square = np.broadcast_to(mean_square, param.shape).astype(np.float64)
    for grad in grads:
        if variant == "swapped_rho":
            new_mean_square = (1 - rho) * mean_square + rho * grad ** 2
        elif variant == "no_one_minus_rho":
            new_mean_square = rho * mean_square + grad ** 2
        elif variant == "sum_like_adagrad":
            new_mean_square = mean_square + grad ** 2
        else:
            new_mean_square = rho * mean_square + (1 - rho) * grad ** 2
        used = mean_square if variant == "old_mean_square" else new_mean_square
        denominator = (used + epsilon) if variant == "no_sqrt" else (np.sqrt(used) + epsilon)
        param = param - learning_rate * grad / denominator
        mean_square = new_mean_square
        params.append(param)
        states.append(mean_square)
    return np.stack(params), np.stack(states)


ADAGRAD_FAULTS = {
    "old_accumulator": "the parameter step uses the accumulator from before adding grad ** 2; "
                       "add the squared gradient first, then divide by its square root",
    "no_sqrt": "the step divides by the accumulator itself; divide by its square root",
    "state_not_updated": "the accumulator that is returned is the old one; return accumulator + grad ** 2",
}
RMSPROP_FAULTS = {
    "swapped_rho": "rho and 1 - rho are swapped: the new mean square is "
                   "rho * mean_square + (1 - rho) * grad ** 2",
    "no_one_minus_rho": "the squared gradient is added without the factor (1 - rho): the "
                        "mean square then grows like a sum instead of a moving average",
    "sum_like_adagrad": "the squared gradients are summed as in AdaGrad; RMSprop keeps a "
                        "decaying average rho * mean_square + (1 - rho) * grad ** 2",
    "old_mean_square": "the step uses the mean square from before this gradient was added",
    "no_sqrt": "the step divides by the mean square itself; divide by its square root",
}


def close(a, b):
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=TOLERANCE, atol=TOLERANCE))


def first_difference(observed, expected):
    """'step 3' where two trajectories part first, and by how much."""
    error = np.abs(observed - expected).reshape(len(observed), -1).max(axis=1)
    step = int(np.argmax(error > TOLERANCE * (1 + np.abs(expected).reshape(len(expected), -1).max(axis=1))))
    return f"step {step + 1} (off by {error[step]:.3g})"


def diagnose(rule, observed, variants):
    faults = ADAGRAD_FAULTS if rule == "adagrad" else RMSPROP_FAULTS
    for name, explanation in faults.items():
        if close(observed[0], variants[name][0]) and close(observed[1], variants[name][1]):
            return f" It looks like {explanation}."
    return ""


def compare(rule, observed, expected, variants, against):
    params, states = observed
    what = "accumulator" if rule == "adagrad" else "mean_square"
    hint = diagnose(rule, observed, variants)
    assert close(states, expected[1]), (
        f"{rule}: the {what} differs from {against} from {first_difference(states, expected[1])} on."
        + hint)
    assert close(params, expected[0]), (
        f"{rule}: the parameters differ from {against} from {first_difference(params, expected[0])} on."
        + hint)


def trajectories(report, keras=False):
    shape = (STEPS, *SHAPE)
    observed = (array(report["student_params"], shape=shape), array(report["student_states"], shape=shape))
    if not keras:
        return observed
    return observed, (array(report["keras_params"], shape=shape), array(report["keras_states"], shape=shape))


def adagrad_variants(param, grads, accumulator, learning_rate, epsilon):
    return {name: adagrad_numpy(param, grads, accumulator, learning_rate, epsilon, name)
            for name in ADAGRAD_FAULTS}


def rmsprop_variants(param, grads, mean_square, learning_rate, rho, epsilon):
    return {name: rmsprop_numpy(param, grads, mean_square, learning_rate, rho, epsilon, name)
            for name in RMSPROP_FAULTS}


@pytest.mark.points(3)
def test_adagrad_matches_keras(probe):
    """adagrad_update follows Keras' Adagrad step by step, and the rule from an uneven accumulator"""
    param, grads = case(0)
    hyper = {"learning_rate": 0.1, "epsilon": 1e-7}
    report = probe.run_updates(rule="adagrad", param=param.tolist(), grads=grads.tolist(), state=0.1,
                               hyperparameters=hyper, keras_hyperparameters=hyper)
    observed, keras = trajectories(report, keras=True)
    compare("adagrad", observed, keras, adagrad_variants(param, grads, 0.1, **hyper),
            "Keras' Adagrad(learning_rate=0.1, initial_accumulator_value=0.1)")
    param, grads = case(1)
    accumulator = np.random.default_rng(11).uniform(0.05, 1.0, size=SHAPE)
    hyper = {"learning_rate": 0.05, "epsilon": 1e-7}
    report = probe.run_updates(rule="adagrad", param=param.tolist(), grads=grads.tolist(),
                               state=accumulator.tolist(), hyperparameters=hyper)
    compare("adagrad", trajectories(report), adagrad_numpy(param, grads, accumulator, **hyper),
            adagrad_variants(param, grads, accumulator, **hyper),
            "the AdaGrad rule (from an uneven initial accumulator, learning_rate=0.05)")


@pytest.mark.points(1)
def test_adagrad_default_hyperparameters(probe):
    """adagrad_update's defaults: learning_rate=0.01, epsilon=1e-7"""
    param, grads = case(2)
    data = {"rule": "adagrad", "param": param.tolist(), "grads": grads.tolist(), "state": 0.1}
    implicit = trajectories(probe.run_updates(**data))
    explicit = trajectories(probe.run_updates(**data, hyperparameters={"learning_rate": 0.01, "epsilon": 1e-7}))
    assert close(implicit[0], explicit[0]) and close(implicit[1], explicit[1]), (
        "adagrad_update(param, grad, accumulator) without hyperparameters does not step like "
        "adagrad_update(..., learning_rate=0.01, epsilon=1e-7): give the function these defaults "
        "(the contract's, not Keras' learning rate 0.001).")


@pytest.mark.points(3)
def test_rmsprop_matches_keras(probe):
    """rmsprop_update follows Keras' RMSprop step by step (no momentum, not centered), and the rule
    from an uneven mean square"""
    param, grads = case(3)
    hyper = {"learning_rate": 0.01, "rho": 0.9, "epsilon": 1e-7}
    report = probe.run_updates(rule="rmsprop", param=param.tolist(), grads=grads.tolist(), state=0.0,
                               hyperparameters=hyper, keras_hyperparameters=hyper)
    observed, keras = trajectories(report, keras=True)
    compare("rmsprop", observed, keras, rmsprop_variants(param, grads, 0.0, **hyper),
            "Keras' RMSprop(learning_rate=0.01, rho=0.9)")
    param, grads = case(4)
    mean_square = np.random.default_rng(14).uniform(0.1, 2.0, size=SHAPE)
    hyper = {"learning_rate": 0.02, "rho": 0.8, "epsilon": 1e-7}
    report = probe.run_updates(rule="rmsprop", param=param.tolist(), grads=grads.tolist(),
                               state=mean_square.tolist(), hyperparameters=hyper)
    compare("rmsprop", trajectories(report), rmsprop_numpy(param, grads, mean_square, **hyper),
            rmsprop_variants(param, grads, mean_square, **hyper),
            "the RMSprop rule (from an uneven initial mean square, rho=0.8, learning_rate=0.02)")


@pytest.mark.points(1)
def test_rmsprop_default_hyperparameters(probe):
    """rmsprop_update's defaults: learning_rate=0.001, rho=0.9, epsilon=1e-7"""
    param, grads = case(5)
    data = {"rule": "rmsprop", "param": param.tolist(), "grads": grads.tolist(), "state": 0.0}
    implicit = trajectories(probe.run_updates(**data))
    explicit = trajectories(probe.run_updates(
        **data, hyperparameters={"learning_rate": 0.001, "rho": 0.9, "epsilon": 1e-7}))
    assert close(implicit[0], explicit[0]) and close(implicit[1], explicit[1]), (
        "rmsprop_update(param, grad, mean_square) without hyperparameters does not step like "
        "rmsprop_update(..., learning_rate=0.001, rho=0.9, epsilon=1e-7): give the function "
        "these defaults.")


@pytest.mark.points(1)
def test_answer_adagrad_uses_momentum(answers):
    """answers.yaml: task22.adagrad_uses_momentum"""
    assert as_bool(answers["adagrad_uses_momentum"]) is False, (
        "AdaGrad uses no momentum: it scales each parameter's step by the inverse square root "
        "of the sum of its past squared gradients, but it keeps no moving average of the "
        "gradients themselves.")
