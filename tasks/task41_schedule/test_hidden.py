"""Task 41, hidden checks: the step-decay formula, and the rate Keras really uses during fit."""

import math

import pytest


def step_decay(epoch, initial_lr=0.1, drop_factor=0.1, epochs_per_drop=30):
    return initial_lr * drop_factor ** math.floor(epoch / epochs_per_drop)


def wrong_epochs(values, expected, epochs):
    return [epoch for epoch, value, want in zip(epochs, values, expected)
            if value is None or not math.isclose(value, want, rel_tol=1e-6)]


def shifted(values, epochs, shift):
    """Whether the values are step_decay's, shifted by ``shift`` epochs (an off-by-one)."""
    return all(value is not None and math.isclose(value, step_decay(max(epoch + shift, 0)), rel_tol=1e-6)
               for epoch, value in zip(epochs, values))


@pytest.mark.points(2)
def test_step_decay_every_epoch(probe):
    """step_decay(epoch) = 0.1 * 0.1 ** floor(epoch / 30) for every epoch 0..120"""
    report = probe.decay_values()
    epochs, values = report["epochs"], report["values"]
    expected = [step_decay(epoch) for epoch in epochs]
    wrong = wrong_epochs(values, expected, epochs)
    if not wrong:
        return
    first = wrong[0]
    value = values[first]
    if shifted(values, epochs, +1):
        hint = ("The rate drops one epoch early: epochs are 0-based (Keras passes 0 for the first "
                "epoch), so step_decay(29) is still 0.1 and the first drop is at epoch 30. Use "
                "floor(epoch / epochs_per_drop).")
    elif shifted(values, epochs, -1):
        hint = ("The rate drops one epoch late: with 0-based epochs the first drop is at epoch 30 "
                "(floor(30 / 30) = 1).")
    elif len({value for value in values[:30]}) > 5:
        hint = ("The rate changes every epoch: that is a smooth exponential decay. Step decay keeps "
                "the rate constant for epochs_per_drop epochs: use the integer part, "
                "drop_factor ** floor(epoch / epochs_per_drop).")
    else:
        hint = "Use initial_lr * drop_factor ** floor(epoch / epochs_per_drop) for every epoch."
    raise AssertionError(
        f"step_decay({first}) is {value}, expected {step_decay(first):g} ({len(wrong)} of "
        f"{len(epochs)} epochs are wrong). {hint}")


@pytest.mark.points(1)
def test_step_decay_uses_its_arguments(probe):
    """step_decay uses initial_lr, drop_factor and epochs_per_drop"""
    arguments = {"initial_lr": 0.5, "drop_factor": 0.5, "epochs_per_drop": 10}
    epochs = [0, 4, 15, 25, 34, 45, 56]  # inside the periods: an off-by-one at the drops is not counted here
    report = probe.decay_values(epochs=epochs, arguments=arguments)
    # The student's own drops at the defaults (epoch 3e with 30 per drop is epoch e with 10 per
    # drop), so that a wrong formula, which the every-epoch check names, is not counted twice.
    defaults = probe.decay_values(epochs=[3 * epoch for epoch in epochs])["values"]
    if all(value is not None and value > 0 for value in defaults):
        drops = [math.log(value / 0.1) / math.log(0.1) for value in defaults]
    else:
        drops = [math.floor(epoch / 10) for epoch in epochs]
    expected = [0.5 * 0.5 ** drop for drop in drops]
    wrong = wrong_epochs(report["values"], expected, epochs)
    if not wrong:
        return
    ignored = report["values"] == probe.decay_values(epochs=epochs)["values"]
    raise AssertionError(
        f"step_decay(epoch, initial_lr=0.5, drop_factor=0.5, epochs_per_drop=10) is wrong at "
        f"epochs {wrong} (e.g. {report['values'][epochs.index(wrong[0])]} instead of "
        f"{expected[epochs.index(wrong[0])]:g}): "
        + ("the arguments change nothing: use initial_lr, drop_factor and epochs_per_drop "
           "instead of fixed numbers." if ignored else
           "expected initial_lr * drop_factor ** floor(epoch / epochs_per_drop), with every "
           "argument in its place."))


@pytest.mark.points(1)
def test_step_decay_returns_float(probe):
    """step_decay returns a float (Keras' LearningRateScheduler refuses tensors)"""
    types = probe.decay_values(epochs=[0, 30, 45])["types"]
    allowed = {"float", "float32", "float64"}
    assert set(types) <= allowed, (
        f"step_decay returns {', '.join(types)}; return a Python float (LearningRateScheduler raises "
        "'The output of the schedule function should be a float' otherwise): compute with math or "
        "Python arithmetic, or convert with float(...).")


@pytest.mark.points(2)
def test_fit_applies_step_decay(probe):
    """During model.fit, epoch e runs with step_decay(e), whatever rate the optimizer started with"""
    report = probe.fit_rates(epochs=65, start_rate=0.05)
    if report["error"]:
        raise AssertionError(f"model.fit with your scheduler failed: {report['error']}")
    rates = report["rates"]
    assert report["epochs"] == list(range(65)) and len(rates) == 65, (
        f"fit ran {len(rates)} of 65 epochs with your scheduler.")
    own = probe.decay_values(epochs=list(range(65)))["values"]
    if rates and math.isclose(rates[0], 0.05, rel_tol=1e-5):
        raise AssertionError(
            "Keras calls the schedule as schedule(epoch, lr), passing the optimizer's CURRENT rate "
            "as the second argument: LearningRateScheduler(step_decay) makes that rate the "
            "initial_lr, so training starts from the optimizer's own rate (here 0.05 instead of "
            f"0.1) and each drop compounds (epoch 31: {rates[31]:.3g} instead of 0.01). Ignore "
            "Keras' rate: LearningRateScheduler(lambda epoch, lr: step_decay(epoch)).")
    wrong = wrong_epochs(rates, own, list(range(65)))
    if not wrong:
        return
    first = wrong[0]
    raise AssertionError(
        f"During fit, epoch {first} ran with learning rate {rates[first]:.4g}, but your "
        f"step_decay({first}) is {own[first]}. The scheduler must apply step_decay with its "
        "defaults and depend on the epoch only: "
        "LearningRateScheduler(lambda epoch, lr: step_decay(epoch)).")
