"""Task 42, hidden checks: what makes the block a bottleneck, and its shortcut.

A bottleneck squeezes the channels with a 1x1 convolution (filters // bottleneck_ratio),
runs the 3x3 convolution on the few channels and expands back with a 1x1 convolution:
far fewer parameters (and operations) than 3x3 convolutions on all channels, which is
its purpose in ResNet (and, as the 1x1 layers before each 3x3 one, in DenseNet-B).
"""

import numpy as np
import pytest

from grader.testing import array, check_output_shapes, not_judged, require_no_error
from grader.testing.reference_ops import ATOL, close, conv2d, relu
from grader.testing.trainability import judged_only_if_trained


def _setting(obs):
    ratio = "" if obs["ratio"] is None else f", bottleneck_ratio={obs['ratio']}"
    return (f"BottleneckBlock({obs['filters']}{ratio}) on "
            f"(2, {obs['size']}, {obs['size']}, {obs['channels']})")


def _require(obs):
    return require_no_error(obs, who=_setting(obs), after=".")


def _branch_kernels(obs, expected):
    """Kernel shapes of the used convolutions, without a 1x1 projection shortcut."""
    shapes = [conv["kernel_shape"] for conv in obs["convs"]]
    projection = [1, 1, obs["channels"], obs["filters"]]
    if projection in shapes and projection not in expected:
        shapes.remove(projection)
    return shapes


def _expected_kernels(obs, ratio):
    """In the order of the chain: 1x1 down, 3x3, 1x1 up."""
    inner = obs["filters"] // ratio
    return [[1, 1, obs["channels"], inner], [3, 3, inner, inner], [1, 1, inner, obs["filters"]]]


def _describe(shapes):
    return ", ".join(f"{k[0]}x{k[1]} {k[2]}->{k[3]}" for k in shapes) or "none"


def _default_sequence(probe):
    """The block's convolutions at the default ratio and the ones a bottleneck uses."""
    obs = _require(probe.structure(filters=16, ratio=None, channels=16))
    expected = _expected_kernels(obs, 4)
    return _branch_kernels(obs, expected), expected


@pytest.mark.points(2)
def test_convolution_sequence(probe):
    """1x1 down to filters // 4, 3x3, 1x1 up to filters (default ratio 4)"""
    found, expected = _default_sequence(probe)
    assert sorted(found) == sorted(expected), (
        f"BottleneckBlock(16) on 16 channels uses the convolutions {_describe(found)} (kernel, "
        f"input->output channels); a bottleneck uses {_describe(expected)}: a 1x1 "
        "convolution down to filters // bottleneck_ratio channels, the 3x3 convolution on those "
        "few channels, and a 1x1 convolution up to `filters` channels.")


@pytest.mark.points(1)
def test_bottleneck_ratio_respected(probe):
    """The 1x1 reduction has filters // bottleneck_ratio channels for ratios 2 and 8"""
    found, expected = _default_sequence(probe)
    if sorted(found) != sorted(expected):
        not_judged("Whether bottleneck_ratio is used could not be judged: the convolutions are not "
                   "a bottleneck even at the default ratio (see test_convolution_sequence).",
                   because="test_convolution_sequence")
    for filters, ratio in ((16, 2), (16, 8), (12, 4)):
        obs = _require(probe.structure(filters=filters, ratio=ratio, channels=filters))
        expected = _expected_kernels(obs, ratio)
        found = _branch_kernels(obs, expected)
        assert sorted(found) == sorted(expected), (
            f"{_setting(obs)} uses the convolutions {_describe(found)}; expected "
            f"{_describe(expected)}. Reduce to filters // bottleneck_ratio channels, "
            "using the bottleneck_ratio argument (not a fixed 4).")


@pytest.mark.points(1)
def test_fewer_parameters_than_two_3x3_convolutions(probe):
    """Fewer parameters than two plain 3x3 convolutions with `filters` channels"""
    for ratio in (None, 2):
        obs = _require(probe.structure(filters=16, ratio=ratio, channels=16))
        plain = 2 * (3 * 3 * 16 * 16 + 16)
        assert obs["params"] < plain, (
            f"{_setting(obs)} has {obs['params']:,} parameters, not fewer than the {plain:,} of two "
            "plain 3x3 convolutions with 16 channels: the 3x3 convolution must work on the "
            "reduced filters // bottleneck_ratio channels, between the two 1x1 convolutions.")


def _shortcut_candidates(obs, x):
    """What the block may return when its branch is zero: the shortcut, with or without ReLU."""
    candidates = []
    if obs["channels"] == obs["filters"]:
        candidates += [x, relu(x)]
    for conv in obs["pointwise"]:
        kernel = array(conv["kernel"])
        if list(kernel.shape) != [1, 1, obs["channels"], obs["filters"]] or conv["strides"] != [1, 1]:
            continue
        for source in (x, relu(x)):
            projected = conv2d(source, conv)
            candidates += [projected, relu(projected)]
    return candidates


def _check_shortcut(obs):
    _require(obs)
    x, output = array(obs["x"]).astype(np.float64), array(obs["output"]).astype(np.float64)
    assert obs["zeroed"] >= 1, "No 3x3 Conv2D layer was found in the block."
    assert not np.allclose(output, 0.0, atol=ATOL), (
        f"{_setting(obs)}: with the 3x3 convolution set to zero the block returns zeros, so "
        "nothing bypasses the bottleneck: the shortcut is missing. Add the block's input (or its "
        "1x1 projection when the channel counts differ) to the branch's output.")
    candidates = _shortcut_candidates(obs, x)
    assert any(close(output, value) for value in candidates), (
        f"{_setting(obs)}: with the 3x3 convolution set to zero (BatchNormalization at its "
        "initial statistics) the block should return its shortcut, the input itself or its 1x1 "
        "projection (then a ReLU); it returns something else. Add the shortcut to the output "
        "of the last 1x1 convolution.")


@pytest.mark.points(1)
def test_shortcut_present(probe):
    """With the bottleneck branch silenced, the block returns its input (shortcut)"""
    judged_only_if_trained(probe.trainability(), "Whether the block has a shortcut")
    _check_shortcut(probe.zero_residual(filters=16, ratio=4, channels=16))


PROJECTION_HINT = ("When the input does not have `filters` channels, the input cannot be added to "
                   "the branch's output: use a 1x1 convolution with `filters` filters as the "
                   "shortcut (a projection).")
PROJECTION_MISMATCH = ("{setting} returned shape {got}; the output has `filters` channels whatever "
                       "the input's channels (use a 1x1 projection shortcut).")


def _identity_shortcut_fault(probe):
    """Whether the shortcut check fails where the input has `filters` channels."""
    try:
        _check_shortcut(probe.zero_residual(filters=16, ratio=4, channels=16))
    except AssertionError:
        return True
    return False


@pytest.mark.points(1)
def test_projection_when_channels_differ(probe):
    """With fewer input channels than filters, the shortcut is a 1x1 projection"""
    judged_only_if_trained(probe.trainability(), "Whether the shortcut is a projection")
    if _identity_shortcut_fault(probe):
        not_judged("Whether the shortcut becomes a projection could not be judged: the block has no "
                   "working shortcut even when the channels match (see test_shortcut_present).",
                   because="test_shortcut_present")
    check_output_shapes(probe.shapes(group="projection")["configs"], _setting,
                        lambda config: [2, config["size"], config["size"], config["filters"]],
                        PROJECTION_MISMATCH, lambda config: PROJECTION_HINT)
    _check_shortcut(probe.zero_residual(filters=16, ratio=4, channels=8))
