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

from grader.testing import array

ATOL = 1e-4

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


@pytest.mark.points(2)
def test_output_channels_grow_by_growth_rate(probe):
    """Output channels = input channels + num_layers * growth_rate, for several settings"""
    for obs in probe.shapes(group="several")["configs"]:
        if obs["error"]:
            _raise_error(obs)
        expected = obs["channels"] + obs["num_layers"] * obs["growth_rate"]
        spatial = [2, obs["height"], obs["width"]]
        assert obs["output_shape"][:3] == spatial, (
            f"{_setting(obs)} returned shape {tuple(obs['output_shape'])}: height and width must "
            "stay the same; use padding='same' in the 3x3 convolutions.")
        got = obs["output_shape"][3]
        if got == obs["channels"] and obs["num_layers"] > 0:
            raise AssertionError(
                f"{_setting(obs)} returns {got} channels, as many as its input: the feature maps "
                "are added instead of concatenated (the quiz's modification), so the channel "
                "count cannot grow. " + CONCATENATE)
        assert got == expected, (
            f"{_setting(obs)} returns {got} channels; expected {obs['channels']} + "
            f"{obs['num_layers']} x {obs['growth_rate']} = {expected}. Each layer adds "
            "growth_rate channels; the output is the input followed by every layer's new "
            "maps. " + CONCATENATE)


@pytest.mark.points(2)
def test_input_kept_as_first_channels(probe):
    """The block's input appears unchanged as the first channels of its output"""
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


@pytest.mark.points(2)
def test_each_conv_sees_all_earlier_maps(probe):
    """Layer k's 3x3 convolution reads input + (k-1) * growth_rate channels"""
    for settings in ({"num_layers": 3, "growth_rate": 4, "channels": 5},
                     {"num_layers": 4, "growth_rate": 2, "channels": 3}):
        obs = probe.structure(**settings)
        if obs["error"]:
            _raise_error(obs)
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
    """Each layer has its own BatchNormalization, applied to the convolution's input"""
    obs = probe.structure(num_layers=3, growth_rate=4, channels=5)
    if obs["error"]:
        _raise_error(obs)
    sizes = sorted(bn["size"] for bn in obs["batchnorms"])
    expected = _kernel_inputs(obs)
    assert len(sizes) == obs["num_layers"], (
        f"{_setting(obs)} uses {len(sizes)} BatchNormalization layer(s); each of the "
        f"{obs['num_layers']} layers needs its own BatchNormalization (then ReLU, then the "
        "3x3 convolution).")
    assert sizes == expected, (
        f"{_setting(obs)}: the BatchNormalization layers normalise {sizes} channels, the "
        f"convolutions read {expected}. BatchNormalization and ReLU come before each "
        "convolution (BN -> ReLU -> conv), applied to the concatenated maps, not after it.")


def relu(values):
    return np.maximum(values, 0.0)


def conv2d_same(x, conv):
    """A Keras Conv2D (linear part, stride 1, TensorFlow's 'same' padding) in NumPy."""
    kernel = np.asarray(conv["kernel"], dtype=np.float64)
    kh, kw, _, cout = kernel.shape
    top, left = (kh - 1) // 2, (kw - 1) // 2
    padded = np.pad(x, ((0, 0), (top, kh - 1 - top), (left, kw - 1 - left), (0, 0)))
    h, w = x.shape[1:3]
    out = np.zeros((x.shape[0], h, w, cout))
    for i in range(kh):
        for j in range(kw):
            out += np.einsum("bhwc,co->bhwo", padded[:, i:i + h, j:j + w, :], kernel[i, j])
    return out + np.asarray(conv["bias"], dtype=np.float64)


def _replicate(x, convs, before, after):
    features = x
    for conv in convs:
        new = conv2d_same(before(features), conv)
        features = np.concatenate([features, after(new)], axis=-1)
    return features


@pytest.mark.points(2)
def test_layers_compute_bn_relu_conv(probe):
    """Each layer computes conv(ReLU(BN(concatenation of all earlier maps)))"""
    obs = probe.forward()
    if obs["error"]:
        _raise_error(obs)
    x, output = array(obs["x"]).astype(np.float64), array(obs["output"]).astype(np.float64)
    convs = sorted(obs["convs"], key=lambda conv: conv["kernel_shape"][2])
    expected_inputs = [obs["channels"] + k * obs["growth_rate"] for k in range(obs["num_layers"])]
    assert [conv["kernel_shape"][2] for conv in convs] == expected_inputs, (
        "The convolutions do not read the concatenation of all earlier feature maps "
        f"(input channels {[conv['kernel_shape'][2] for conv in convs]}, expected {expected_inputs}).")
    if any(conv["strides"] != [1, 1] or conv["padding"] != "same" for conv in convs):
        raise AssertionError("Use strides 1 and padding='same' in every 3x3 convolution.")

    def same(value):
        return value.shape == output.shape and np.allclose(output, value, atol=ATOL, rtol=ATOL)

    identity = lambda values: values  # noqa: E731
    if same(_replicate(x, convs, relu, identity)):
        return
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
        "BatchNormalization at its initial statistics, in inference mode).")
