"""Task 22, public checks: both update functions return the new state and move against the gradient."""

import numpy as np
import pytest

from grader.testing import array

PARAM = np.array([[0.5, -1.0, 2.0], [0.0, 1.5, -0.5]], dtype=np.float32)
GRAD = np.array([[[1.0, -0.5, 2.0], [-1.5, 0.75, 1.0]]], dtype=np.float32)


def one_step(probe, rule, state, hyperparameters):
    report = probe.run_updates(rule=rule, param=PARAM.tolist(), grads=GRAD.tolist(), state=state,
                               hyperparameters=hyperparameters)
    return (array(report["student_params"], shape=(1, 2, 3))[0],
            array(report["student_states"], shape=(1, 2, 3))[0])


@pytest.mark.points(1)
def test_adagrad_returns_new_state(probe):
    """adagrad_update returns (param, accumulator): the parameter moves against the gradient"""
    param, accumulator = one_step(probe, "adagrad", 0.1, {"learning_rate": 0.1, "epsilon": 1e-7})
    assert np.all((param - PARAM) * GRAD[0] < 0), (
        "After one adagrad_update every parameter should move against its gradient "
        "(param - learning_rate * grad / ...); some did not move or moved the wrong way.")
    assert np.all(accumulator > 0.1), (
        "The returned accumulator did not grow: return the updated accumulator "
        "(accumulator + grad ** 2) as the second value.")


@pytest.mark.points(1)
def test_rmsprop_returns_new_state(probe):
    """rmsprop_update returns (param, mean_square): the parameter moves against the gradient"""
    param, mean_square = one_step(probe, "rmsprop", 0.0,
                                  {"learning_rate": 0.01, "rho": 0.9, "epsilon": 1e-7})
    assert np.all((param - PARAM) * GRAD[0] < 0), (
        "After one rmsprop_update every parameter should move against its gradient; some did "
        "not move or moved the wrong way.")
    assert np.all(mean_square > 0), (
        "The returned mean_square is still zero: return the updated moving average of the "
        "squared gradients as the second value.")
