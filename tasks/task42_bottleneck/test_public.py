"""Task 42, public checks: the BottleneckBlock builds, keeps the input's shape and trains."""

import pytest

from grader.testing import check_output_shapes
from grader.testing.trainability import check_every_variable_trains


def _setting(config):
    ratio = "" if config["ratio"] is None else f", bottleneck_ratio={config['ratio']}"
    return (f"BottleneckBlock({config['filters']}{ratio}) on input "
            f"(2, {config['size']}, {config['size']}, {config['channels']})")


MISMATCH = ("{setting} returned shape {got}; expected {expected}. The last 1x1 convolution brings "
            "the channels back to `filters`, and padding='same' in the 3x3 convolution keeps height "
            "and width.")


def _expected(config):
    return [2, config["size"], config["size"], config["filters"]]


def _check(configs):
    check_output_shapes(configs, _setting, _expected, MISMATCH)


@pytest.mark.points(1)
def test_output_shape_default_ratio(probe):
    """BottleneckBlock(16) maps (2, 8, 8, 16) to (2, 8, 8, 16)"""
    _check(probe.shapes(group="default")["configs"])


@pytest.mark.points(1)
def test_output_shape_ratio_2(probe):
    """BottleneckBlock(filters, bottleneck_ratio=2) keeps the input's shape"""
    _check(probe.shapes(group="ratio_2")["configs"])


@pytest.mark.points(2)
def test_every_variable_trains(probe):
    """Every trainable variable gets a gradient and changes the output (8 input channels, projection used)"""
    observation = probe.trainability()
    check_every_variable_trains(observation, observation["setting"])
