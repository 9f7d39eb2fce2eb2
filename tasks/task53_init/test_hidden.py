"""Task 53, hidden checks: the hidden units are not symmetric, and training keeps them apart."""

import numpy as np
import pytest

from grader.testing import array, not_judged

UNITS = 64
ADVICE = ("Initialise the weights randomly, e.g. Keras' default glorot_uniform or "
          "kernel_initializer='he_normal' for ReLU layers (zero biases are fine).")


def duplicates(distances, scale):
    """How many units equal an earlier unit (within rounding)."""
    distances = array(distances, shape=(UNITS, UNITS))
    tolerance = 1e-6 * max(1.0, scale)
    same = np.triu(distances <= tolerance, k=1)
    return int(np.sum(same.any(axis=0)))


def judged_only_if_distinct_at_start(report, judging):
    """Symmetric units stay symmetric: what training does with them is the first check's fault."""
    if duplicates(report["distances_before"], report["scale_before"]):
        not_judged(f"{judging} could not be judged: the hidden units already start identical "
                   "(see the check that they differ at initialisation).",
                   because="test_hidden_units_differ_at_start")


@pytest.mark.points(2)
def test_hidden_units_differ_at_start(probe):
    """At initialisation no two hidden units are identical"""
    report = probe.symmetry()
    count = duplicates(report["distances_before"], report["scale_before"])
    if count == 0:
        return
    if report["scale_before"] == 0:
        raise AssertionError(
            "All weights start at zero: every hidden unit computes the same output and receives "
            "the same gradient, so the 64 units stay identical (and with ReLU they receive no "
            "gradient at all) - the network behaves like a single unit. " + ADVICE)
    raise AssertionError(
        f"The {UNITS} hidden units start as only {UNITS - count} distinct unit(s): their weights "
        "are identical (a constant initialiser). Identical units get identical gradients and "
        "stay identical, so the layer cannot learn different features. " + ADVICE)


@pytest.mark.points(1)
def test_hidden_units_stay_distinct_after_training(probe):
    """After a few SGD steps the hidden units are still all different"""
    report = probe.symmetry()
    judged_only_if_distinct_at_start(report, "Whether training keeps the hidden units apart")
    count = duplicates(report["distances_after"], report["scale_after"])
    assert count == 0, (
        f"After 3 SGD steps the {UNITS} hidden units are still only {UNITS - count} distinct "
        "unit(s): symmetric units receive identical gradients, so training never separates "
        "them. " + ADVICE)


@pytest.mark.points(1)
def test_hidden_layer_learns(probe):
    """Training changes the hidden layer's weights"""
    report = probe.symmetry()
    judged_only_if_distinct_at_start(report, "Whether training changes the hidden layer")
    assert report["hidden_kernel_change"] > 1e-7, (
        "Three SGD steps did not change the hidden layer's weights at all: with a zero hidden "
        "kernel every ReLU input is 0 and ReLU's gradient at 0 is 0, so no gradient reaches the "
        "hidden layer. " + ADVICE)
