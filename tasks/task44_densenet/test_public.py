"""Task 44, public checks: the DenseBlock builds, grows the channels by num_layers * growth_rate,
keeps height and width, and trains."""

import pytest

from grader.testing import check_output_shapes, not_judged, require_no_error
from grader.testing.trainability import check_every_variable_trains

CONCATENATE = (
    "DenseNet concatenates: x = tf.concat([x, new_maps], axis=-1) (or a Concatenate layer), so the "
    "channels grow by growth_rate per layer and every earlier map reaches all later layers unchanged.")
SAME_PADDING = ("The new maps do not have the height and width of the earlier ones, so they cannot "
                "be concatenated: use padding='same' in every 3x3 convolution.")


def _setting(config):
    return (f"DenseBlock({config['num_layers']}, {config['growth_rate']}) on input "
            f"(2, {config['height']}, {config['width']}, {config['channels']})")


def _error_hint(config):
    low = config["error"].lower()
    if "concat" in low:
        return SAME_PADDING
    if "shape" in low or "dimension" in low:
        return ("Adding feature maps needs equal channel counts, which the growth rate breaks (the "
                "quiz's modification: add instead of concatenate). " + CONCATENATE)
    return CONCATENATE


def _raise_error(config):
    require_no_error(config, who=_setting(config), after=f". {_error_hint(config)}")


def _check_channels(config):
    if config["error"]:
        _raise_error(config)
    shape, channels = config["output_shape"], config["channels"]
    expected = channels + config["num_layers"] * config["growth_rate"]
    assert len(shape) == 4, f"{_setting(config)} returned shape {tuple(shape)}, not (batch, height, width, channels)."
    if shape[3] == channels and config["num_layers"] > 0:
        raise AssertionError(
            f"{_setting(config)} returns {channels} channels, as many as its input: the feature maps "
            "are added instead of concatenated (the quiz's modification), so the channel count "
            "cannot grow. " + CONCATENATE)
    assert shape[3] == expected, (
        f"{_setting(config)} returns {shape[3]} channels; expected {channels} + "
        f"{config['num_layers']} x {config['growth_rate']} = {expected}. Each layer adds growth_rate "
        "channels; the output is the input followed by every layer's new maps. " + CONCATENATE)


def _channel_fault(probe):
    """Why the output does not have input + num_layers * growth_rate channels, or None."""
    try:
        for group in ("public", "several"):
            for config in probe.shapes(group=group)["configs"]:
                _check_channels(config)
    except AssertionError as fault:
        return str(fault)
    return None


@pytest.mark.points(4)
def test_output_shape(probe):
    """Output channels = input channels + num_layers * growth_rate, e.g. DenseBlock(3, 4): 6 -> 18"""
    fault = _channel_fault(probe)
    assert fault is None, fault


@pytest.mark.points(1)
def test_spatial_size_kept(probe):
    """DenseBlock(2, 3) keeps height and width of a (2, 7, 9, 3) input"""
    check_output_shapes(probe.shapes(group="spatial")["configs"], _setting, _spatial_kept,
                        "{setting} returned shape {got}: the batch, height and width must stay the "
                        "same. Use padding='same' in every 3x3 convolution.", _error_hint)


def _spatial_kept(config):
    """Batch, height and width of the input; the channels (whatever they are) are test_output_shape's."""
    return [2, config["height"], config["width"], *config["output_shape"][3:]]


@pytest.mark.points(2)
def test_every_variable_trains(probe):
    """Every trainable variable gets a gradient and changes the output (DenseBlock(3, 4) on 5 channels)"""
    observation = probe.trainability()
    if observation["error"] and _channel_fault(probe):
        not_judged("Whether the weights train could not be judged: the block raises on every input "
                   f"tried ({observation['error']}); see test_output_shape.", because="test_output_shape")
    check_every_variable_trains(observation, observation["setting"])
