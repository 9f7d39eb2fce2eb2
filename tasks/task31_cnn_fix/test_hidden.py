"""Task 31, hidden checks: the quiz's convolution blocks, pooling placed between them, training.

The pooling settings themselves (pool_size == strides, halving) are graded by Tasks 37
and 43, which read the same module.
"""

import math

import numpy as np
import pytest

from grader.testing import array
from grader.testing.models import check_quiz_convolutions
from grader.testing.trainability import judged_only_if_trained

POOLING = {"MaxPooling2D", "AveragePooling2D", "MaxPooling1D", "AveragePooling1D",
           "MaxPooling3D", "AveragePooling3D"}
TOKENS = {"Conv2D": "Conv2D", "Flatten": "Flatten", "Dense": "Dense",
          "GlobalAveragePooling2D": "GlobalAveragePooling2D", "GlobalMaxPooling2D": "GlobalMaxPooling2D"}
LAYOUT = ["Conv2D", "Conv2D", "pooling", "Conv2D", "Conv2D", "pooling", "Conv2D", "Conv2D",
          "Flatten", "Dense"]
FILTERS = [2, 4, 8, 16, 32, 64]


def layout(calls):
    """The structural layers in call order; activations, dropout, normalisation left out.

    A Dense layer that reads the maps laid out flat (``tf.reshape`` in ``call``) has a
    Flatten before it, as the computation goes.
    """
    tokens = []
    for call in calls:
        if call.get("reads_flattened"):
            tokens.append("Flatten")
        if call["kind"] in POOLING:
            tokens.append("pooling")
        elif call["kind"] in TOKENS:
            tokens.append(TOKENS[call["kind"]])
    return tokens


@pytest.mark.points(1)
def test_six_convolutions(probe):
    """Six 3x3 convolutions with 2, 4, 8, 16, 32, 64 filters, stride 1, padding 'same'"""
    convs = check_quiz_convolutions(probe.architecture()["calls"], FILTERS, (
        f"keep the quiz's six convolutions with {FILTERS} filters in this order (the fault of "
        "the network is in its pooling, not in its convolutions)."))
    for conv in convs:
        assert conv["config"].get("padding") == "same", (
            "Keep padding='same' in every convolution, as in the quiz: the convolutions keep "
            "the spatial size and only the pooling layers reduce it.")


@pytest.mark.points(2)
def test_pooling_between_the_blocks(probe):
    """A pooling layer after the first and the second convolution block, then Flatten and Dense"""
    tokens = layout(probe.architecture()["calls"])
    pools = tokens.count("pooling")
    assert pools > 0, (
        "The network has no pooling layer. Removing the pooling is not the fix: without it "
        "the maps stay 28x28 up to Flatten (28 x 28 x 64 = 50,176 features for the Dense "
        "layer). Keep a MaxPooling2D after the second and after the fourth convolution and "
        "fix its strides (strides == pool_size), so that the maps shrink 28 -> 14 -> 7.")
    assert tokens == LAYOUT, (
        f"The layers are called in the order {', '.join(tokens)}; the quiz's network is "
        f"{', '.join(LAYOUT)}: two convolutions per block, a pooling layer after the first "
        "and the second block (none after the third), then Flatten and Dense.")


@pytest.mark.points(1)
def test_model_trains(probe):
    """A few Adam steps on a fixed batch lower the cross-entropy"""
    judged_only_if_trained(probe.trainability(), "Whether training lowers the loss")
    report = probe.training_losses()
    losses = array(report["losses"], finite=False)
    assert report["variables"] > 0, "The model has no trainable variables."
    assert np.all(np.isfinite(losses)), (
        f"The loss becomes {losses.tolist()} (not finite): the model's outputs are not "
        "probabilities. Use a softmax on the last Dense layer.")
    assert losses[-1] < losses[0] - 1e-3 * max(1.0, math.fabs(losses[0])), (
        f"Six training steps on one fixed batch do not lower the loss ({losses[0]:.4f} -> "
        f"{losses[-1]:.4f}): check that every layer is trainable and connected to the output.")
