"""Task 40, public checks: the ResidualBlock builds, keeps the contract's output shape and trains."""

import math

import numpy as np
import pytest

from grader.testing import array, check_output_shapes
from grader.testing.trainability import check_every_variable_trains

PROJECTION_HINT = (
    "When the strides or the number of filters change, the input no longer has the shape of "
    "the residual branch's output and cannot be added to it: use as the shortcut a 1x1 "
    "convolution with `filters` filters and the block's strides (a projection shortcut).")


def _expected(config):
    side = math.ceil(config["size"] / config["strides"])
    return [2, side, side, config["filters"]]


MISMATCH = (
    "{setting} returned shape {got}; expected {expected}: (b, ceil(h/strides), ceil(w/strides), "
    "filters). Use padding='same' in both 3x3 convolutions, the strides in the first one only, "
    "and a shortcut with the same strides.")


def _setting(config):
    return (f"ResidualBlock({config['filters']}, strides={config['strides']}) on input "
            f"(2, {config['size']}, {config['size']}, {config['channels']})")


def _hint(config):
    changed = config["strides"] != 1 or config["channels"] != config["filters"]
    return PROJECTION_HINT if changed and "shape" in config["error"].lower() else ""


def _check(configs):
    check_output_shapes(configs, _setting, _expected, MISMATCH, _hint)


@pytest.mark.points(1)
def test_output_shape_when_shapes_match(probe):
    """ResidualBlock(filters) on an input with `filters` channels keeps its shape"""
    _check(probe.shapes(group="same")["configs"])


@pytest.mark.points(1)
def test_output_shape_when_strides_or_filters_change(probe):
    """Output (b, ceil(h/strides), ceil(w/strides), filters) when strides or channels change"""
    _check(probe.shapes(group="changed")["configs"])


def _batchnorm_always_in_training_mode(modes):
    """Inference output that depends on the rest of the batch: the hidden BatchNormalization check names it."""
    if modes["error"] or not modes["bn_count"]:
        return False
    alone, mixed = array(modes["inference_alone"]), array(modes["inference_mixed"])
    return alone.shape != mixed.shape or not np.allclose(alone, mixed, atol=1e-5)


@pytest.mark.points(4)
def test_every_variable_trains(probe):
    """Every trainable variable gets a gradient and changes the output (strides 2, projection used)"""
    observation = probe.trainability()
    # A bias right before a BatchNormalization that always uses batch statistics is cancelled by it.
    inert_explained = _batchnorm_always_in_training_mode(probe.batchnorm_modes())
    check_every_variable_trains(observation, observation["setting"], inert_explained=inert_explained)
