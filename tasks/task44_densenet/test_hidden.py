"""Task 44, hidden checks: concatenation, not addition, and the dense connectivity.

The quiz asks what goes wrong when a DenseNet adds feature maps instead of concatenating
them: the channel count can no longer grow (every layer must output as many channels as
its input, so the growth rate loses its meaning and the layers get wide and costly, or
the shapes do not match at all), and the earlier feature maps, the block's input
included, are no longer passed on unchanged: they are summed into one tensor, so later
layers cannot reuse them separately (DenseNet degenerates to a ResNet-like sum).
"""

import numpy as np
import pytest

from grader.testing import array, not_judged
from grader.testing.reference_ops import close, conv2d, largest_difference, relu
from grader.testing.trainability import judged_only_if_trained

CONCATENATE = (
    "DenseNet concatenates: x = tf.concat([x, new_maps], axis=-1), so the channels grow by "
    "growth_rate per layer and every earlier map reaches all later layers unchanged.")


def _setting(obs):
    return (f"DenseBlock({obs['num_layers']}, {obs['growth_rate']}) on "
            f"(2, {obs['height']}, {obs['width']}, {obs['channels']})")


def _raise_error(obs):
    error = obs["error"]
    low = error.lower()
    hint = ""
    if "concat" in low:
        hint = ("The new feature maps do not have the height and width of the earlier ones, so "
                "they cannot be concatenated: use padding='same' in every 3x3 convolution.")
    elif "shape" in low or "dimension" in low:
        hint = ("Adding feature maps needs equal channel counts, which the growth rate breaks "
                "(the quiz's modification: add instead of concatenate). " + CONCATENATE)
    raise AssertionError(f"{_setting(obs)} raised {error}. {hint}".strip())


def _channel_fault(probe):
    """How the output misses input + num_layers * growth_rate channels ("raises", "added", "wrong"), or None."""
    for group in ("public", "several"):
        for obs in probe.shapes(group=group)["configs"]:
            if obs["error"]:
                return "raises"
            got = obs["output_shape"][-1] if obs["output_shape"] else None
            if got == obs["channels"] and obs["num_layers"] > 0:
                return "added"
            if len(obs["output_shape"]) != 4 or got != obs["channels"] + obs["num_layers"] * obs["growth_rate"]:
                return "wrong"
    return None


def _unless_channels_grow(probe, judging, kinds=("raises", "added", "wrong")):
    """End the check as not judged when test_output_shape already names a channel fault of these kinds."""
    if _channel_fault(probe) in kinds:
        not_judged(f"{judging} could not be judged: the output does not have the input's channels "
                   "plus num_layers * growth_rate new ones (see test_output_shape).",
                   because="test_output_shape")


@pytest.mark.points(1)
def test_input_kept_as_first_channels(probe):
    """The block's input appears unchanged as the first channels of its output"""
    judged_only_if_trained(probe.trainability(), "Whether the input is kept as the first channels")
    _unless_channels_grow(probe, "Whether the input is kept as the first channels")
    for settings in ({}, {"num_layers": 2, "growth_rate": 5, "channels": 4, "training": True}):
        obs = probe.outputs(**settings)
        if obs["error"]:
            _raise_error(obs)
        x, output = array(obs["x"]), array(obs["output"])
        channels = x.shape[-1]
        assert output.ndim == 4 and output.shape[:3] == x.shape[:3] and output.shape[-1] >= channels, (
            f"{_setting(obs)} returned shape {output.shape}, which cannot hold the input "
            f"{x.shape} as its first channels. " + CONCATENATE)
        if np.allclose(output[..., :channels], x, atol=1e-6):
            continue
        if np.allclose(output[..., -channels:], x, atol=1e-6):
            raise AssertionError(
                f"{_setting(obs)} keeps the input as the LAST channels: concatenate the earlier "
                "maps first and the new maps after them, tf.concat([x, new_maps], axis=-1), so "
                "that the input stays the first channels.")
        raise AssertionError(
            f"{_setting(obs)}: the first {channels} channels of the output are not the block's "
            "input. If the feature maps are added instead of concatenated (the quiz's "
            "modification), the input is summed with the new maps and lost as such; later "
            "layers can no longer reuse it. " + CONCATENATE)


def _kernel_inputs(obs):
    return sorted(conv["kernel_shape"][2] for conv in obs["convs"])


def _structure(probe, judging, **settings):
    """The block's structure; not judged when it cannot be built and test_output_shape names why."""
    obs = probe.structure(**settings)
    if obs["error"]:
        _unless_channels_grow(probe, judging)
        _raise_error(obs)
    return obs


@pytest.mark.points(1)
def test_each_conv_sees_all_earlier_maps(probe):
    """Layer k's 3x3 convolution, with growth_rate filters, reads input + (k-1) * growth_rate channels"""
    judging = "Whether each convolution reads all earlier feature maps"
    _unless_channels_grow(probe, judging, kinds=("added",))
    for settings in ({"num_layers": 3, "growth_rate": 4, "channels": 5},
                     {"num_layers": 4, "growth_rate": 2, "channels": 3}):
        obs = _structure(probe, judging, **settings)
        c0, growth, count = obs["channels"], obs["growth_rate"], obs["num_layers"]
        convs = obs["convs"]
        assert len(convs) == count, (
            f"{_setting(obs)} uses {len(convs)} Conv2D layer(s); a dense block with num_layers="
            f"{count} has one 3x3 convolution per layer ({count}).")
        bad = [conv["kernel_shape"] for conv in convs
               if conv["kernel_shape"][:2] != [3, 3] or conv["kernel_shape"][3] != growth]
        assert not bad, (
            f"{_setting(obs)}: convolution kernels {bad} (height, width, in, out); each layer "
            f"needs a 3x3 convolution with growth_rate = {growth} filters.")
        expected = [c0 + k * growth for k in range(count)]
        found = _kernel_inputs(obs)
        assert found == expected, (
            f"{_setting(obs)}: the convolutions read {found} input channels; in a dense block "
            f"layer k reads the concatenation of the input and all k-1 earlier outputs, "
            f"{expected}. Feed each layer the concatenation of all earlier feature maps, not "
            "only the previous layer's output.")


@pytest.mark.points(1)
def test_batchnorm_before_each_conv(probe):
    """Each layer has its own BatchNormalization"""
    obs = _structure(probe, "Whether each layer has its own BatchNormalization",
                     num_layers=3, growth_rate=4, channels=5)
    count = len(obs["batchnorms"])
    assert count == obs["num_layers"], (
        f"{_setting(obs)} uses {count} BatchNormalization layer(s); each of the "
        f"{obs['num_layers']} layers needs its own BatchNormalization (then ReLU, then the "
        "3x3 convolution).")


def _replicate(x, convs, before, after, new_first=False):
    features = x
    for conv in convs:
        new = after(conv2d(before(features), conv))
        features = np.concatenate([new, features] if new_first else [features, new], axis=-1)
    return features


@pytest.mark.points(1)
def test_layers_compute_bn_relu_conv(probe):
    """Each layer computes conv(ReLU(BN(concatenation of all earlier maps)))"""
    judging = "What each layer computes"
    judged_only_if_trained(probe.trainability(), judging)
    _unless_channels_grow(probe, judging)
    obs = probe.forward()
    if obs["error"]:
        _raise_error(obs)
    x, output = array(obs["x"]).astype(np.float64), array(obs["output"]).astype(np.float64)
    convs = sorted(obs["convs"], key=lambda conv: conv["kernel_shape"][2])
    expected_inputs = [obs["channels"] + k * obs["growth_rate"] for k in range(obs["num_layers"])]
    if [conv["kernel_shape"][2] for conv in convs] != expected_inputs:
        not_judged(f"{judging} could not be recomputed: the convolutions do not read the "
                   "concatenation of all earlier feature maps (see test_each_conv_sees_all_earlier_maps).",
                   because="test_each_conv_sees_all_earlier_maps")
    if any(conv["strides"] != [1, 1] or conv["padding"] != "same" for conv in convs):
        raise AssertionError("Use strides 1 and padding='same' in every 3x3 convolution.")

    def same(value):
        return close(output, value)

    identity = lambda values: values  # noqa: E731
    if same(_replicate(x, convs, relu, identity)) or same(_replicate(x, convs, relu, identity, True)):
        return  # where the input ends up is judged by test_input_kept_as_first_channels
    if same(_replicate(x, convs, identity, identity)):
        raise AssertionError(
            f"{_setting(obs)}: no ReLU is applied between BatchNormalization and the "
            "convolution. Each layer computes conv(relu(BN(features))).")
    if same(_replicate(x, convs, identity, relu)):
        raise AssertionError(
            f"{_setting(obs)}: the ReLU comes after the convolution. DenseNet layers are "
            "pre-activated: BN -> ReLU -> conv on the concatenated maps.")
    raise AssertionError(
        f"{_setting(obs)} does not compute, layer by layer, new = conv(relu(BN(features))); "
        "features = concat([features, new]) (recomputed from your block's kernels with "
        "BatchNormalization at its initial statistics, in inference mode; "
        f"{largest_difference(output, _replicate(x, convs, relu, identity))}).")
