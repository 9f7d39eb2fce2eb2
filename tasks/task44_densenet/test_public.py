"""Task 44, public checks: the DenseBlock builds and grows the channels by num_layers * growth_rate."""

import pytest

JOIN_HINT = (
    "Each layer's new maps must be joined to the earlier ones with a concatenation along the "
    "channel axis (tf.concat(..., axis=-1) or tf.keras.layers.Concatenate()), and each 3x3 "
    "convolution must keep height and width (padding='same').")


def _setting(config):
    return (f"DenseBlock({config['num_layers']}, {config['growth_rate']}) on input "
            f"(2, {config['height']}, {config['width']}, {config['channels']})")


def _check(configs):
    for config in configs:
        expected = [2, config["height"], config["width"],
                    config["channels"] + config["num_layers"] * config["growth_rate"]]
        if config["error"]:
            hint = JOIN_HINT
            if "concat" in config["error"].lower():
                hint = ("The new maps do not have the height and width of the earlier ones, so they "
                        "cannot be concatenated: use padding='same' in every 3x3 convolution.")
            raise AssertionError(f"{_setting(config)} raised {config['error']}. {hint}")
        assert config["output_shape"] == expected, (
            f"{_setting(config)} returned shape {tuple(config['output_shape'])}; expected "
            f"{tuple(expected)}: the input's channels plus num_layers * growth_rate new ones, "
            f"height and width unchanged. {JOIN_HINT}")


@pytest.mark.points(1)
def test_output_shape(probe):
    """DenseBlock(3, 4) maps (2, 8, 8, 6) to (2, 8, 8, 18)"""
    _check(probe.shapes(group="public")["configs"])


@pytest.mark.points(1)
def test_spatial_size_kept(probe):
    """DenseBlock(2, 3) keeps height and width of a (2, 7, 9, 3) input"""
    _check(probe.shapes(group="spatial")["configs"])
