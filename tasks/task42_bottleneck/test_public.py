"""Task 42, public checks: the BottleneckBlock builds, keeps the input's shape and trains."""

import pytest

from grader.testing.trainability import check_every_variable_trains


def _setting(config):
    ratio = "" if config["ratio"] is None else f", bottleneck_ratio={config['ratio']}"
    return (f"BottleneckBlock({config['filters']}{ratio}) on input "
            f"(2, {config['size']}, {config['size']}, {config['channels']})")


def _check(configs):
    for config in configs:
        expected = [2, config["size"], config["size"], config["filters"]]
        if config["error"]:
            raise AssertionError(f"{_setting(config)} raised {config['error']}.")
        assert config["output_shape"] == expected, (
            f"{_setting(config)} returned shape {tuple(config['output_shape'])}; expected "
            f"{tuple(expected)}. The last 1x1 convolution brings the channels back to `filters`, "
            "and padding='same' in the 3x3 convolution keeps height and width.")


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
