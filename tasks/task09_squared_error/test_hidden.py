"""Task 9, hidden checks: the loss is the mean (MSE), not the sum (SE), of the squared errors.

The same per-sample errors are repeated for more samples: the MSE stays the same and its
gradient per prediction shrinks as 1/N (so one learning rate fits every batch size); the
SE grows with N. Only ratios are compared, so errors Task 8 grades (a missing square, a
factor 2, the sign of the gradient) do not count here.
"""

import numpy as np
import pytest

from grader.testing import array, check_choice


def runs(probe):
    results = probe.sample_counts()["results"]
    for item in results:  # one number or several: Task 8 grades that, the numbers count here
        assert item["loss"]["number"] is not None, f"mse returned {item['loss']['kind']}, not numbers."
    return results


@pytest.mark.points(2)
def test_loss_does_not_grow_with_sample_count(probe):
    """The same per-sample errors give the same loss for 3, 6 and 30 samples"""
    results = runs(probe)
    first = results[0]["loss"]["number"]
    for item in results[1:]:
        factor = item["loss"]["number"] / first if first else float("inf")
        if abs(factor - 1) <= 1e-5:
            continue
        repeat = item["repeat"]
        kind = ("the sum of the squared errors (SE): it grows with the number of samples"
                if abs(factor - repeat) <= 1e-3 * repeat else
                "not the mean: it changes with the number of samples")
        raise AssertionError(
            f"Repeating the same errors {repeat} times multiplies your loss by {factor:.4g}: that is "
            f"{kind}. Divide by the number of elements N (np.mean): the MSE is the average "
            "error per prediction, so its size, and a good learning rate, do not depend on the "
            "batch size.")


@pytest.mark.points(2)
def test_gradient_shrinks_with_sample_count(probe):
    """The gradient per prediction scales with 1/N: repeated k times, each entry is k times smaller"""
    results = runs(probe)
    first = array(results[0]["gradient"]["values"], shape=(3,))
    for item in results[1:]:
        repeat = item["repeat"]
        got = array(item["gradient"]["values"], shape=(3 * repeat,))[:3]
        factor = float(np.sum(got * first) / max(np.sum(first * first), 1e-300))
        assert abs(factor * repeat - 1) <= 1e-4, (
            f"With the errors repeated {repeat} times each gradient entry is {factor:.4g} times the "
            f"one for 3 samples; the gradient of the mean is {1 / repeat:.4g} times it "
            "(2 (p - t) / N). Without the 1/N the gradient, and so the step size, grows with the "
            "batch size: divide by the number of elements.")


@pytest.mark.points(2)
def test_answer_choice(answers):
    """answers.yaml: task09.choice"""
    check_choice(answers["choice"], ("MSE", "SE"), "MSE", (
        "Choose the MSE: dividing by N makes the loss and its gradient independent of the number "
        "of samples, so the learning rate need not change with the batch size and losses of "
        "different data sets compare. The SE grows with N."))
