"""Task 55, hidden checks: the two BatchNormalization mistakes of the quiz."""

import numpy as np
import pytest

from grader.testing import array, require_no_error
from grader.testing.trainability import check_train_step_updates_every_variable


@pytest.mark.points(2)
def test_two_separate_batchnorm_layers(probe):
    """Each position has its own BatchNormalization layer"""
    count = probe.batchnorm_behaviour()["bn_count"]
    assert count == 2, (
        f"The model has {count} distinct BatchNormalization layer(s). Using one instance in both "
        "places (the quiz's first mistake) makes the two positions share scale, offset and moving "
        "statistics although they normalise different activations: create two layers.")


@pytest.mark.points(2)
def test_train_step_updates_moving_statistics(probe):
    """train_step trains in training mode and updates the moving statistics"""
    report = require_no_error(probe.batchnorm_behaviour(), "step_error")
    changed = report["moving_changed"]
    assert changed and all(changed), (
        "train_step did not update the BatchNormalization moving statistics: it calls the model "
        "without training=True (the quiz's second mistake), so BatchNormalization neither uses "
        "batch statistics nor learns the moving ones. Call self(image, training=True).")


@pytest.mark.points(2)
def test_inference_independent_of_batch(probe):
    """In inference, an image's output does not depend on the rest of its batch"""
    report = probe.batchnorm_behaviour()
    alone = array(report["inference_alone"])
    mixed = array(report["inference_mixed"], shape=alone.shape)
    default = array(report["inference_default"], shape=alone.shape)
    assert np.allclose(alone, mixed, atol=1e-5), (
        "With training=False the prediction for an image changes with the other images in its "
        "batch: BatchNormalization must use its moving statistics in inference. Pass the "
        "`training` argument of call on to the layers instead of forcing training=True.")
    assert np.allclose(default, mixed, atol=1e-5), (
        "Calling the model without `training` must behave like training=False (default False).")


@pytest.mark.points(1)
def test_train_step_updates_every_variable(probe):
    """train_step changes every trainable variable of the model"""
    check_train_step_updates_every_variable(probe.trainability(), probe.train_step_report)
