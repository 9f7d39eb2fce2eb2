"""Task 41, public checks: step_decay's values at the first drops, and the scheduler's type."""

import numpy as np
import pytest

from grader.testing import not_judged


@pytest.mark.points(1)
def test_step_decay_known_values(probe):
    """step_decay(0) == step_decay(29) == 0.1, step_decay(30) == 0.01, step_decay(60) == 0.001"""
    epochs, expected = [0, 29, 30, 59, 60], [0.1, 0.1, 0.01, 0.01, 0.001]
    values = probe.decay_values(epochs=epochs)["values"]
    assert None not in values, "step_decay must return a number (the learning rate)."
    if not np.allclose(values, expected, rtol=1e-6, atol=0):
        not_judged(  # the same formula, judged at every epoch by the hidden check, which names it
            f"step_decay gives {dict(zip(epochs, values))}; expected {dict(zip(epochs, expected))}. "
            "Epochs count from 0: the rate drops by drop_factor at epochs 30, 60, ...",
            because="test_step_decay_every_epoch")


@pytest.mark.points(1)
def test_make_scheduler_returns_learning_rate_scheduler(probe):
    """make_scheduler() returns a tf.keras.callbacks.LearningRateScheduler"""
    kind = probe.scheduler_kind()
    assert kind["is_learning_rate_scheduler"], (
        f"make_scheduler() returned {kind['kind']}; return "
        "tf.keras.callbacks.LearningRateScheduler(schedule) so that fit applies step_decay.")
