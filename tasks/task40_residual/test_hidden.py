"""Task 40, hidden checks: the residual block's design faults, measured behaviourally.

The quiz asks what is wrong with a residual block design. The classic faults: the ReLU
applied to the residual branch before the addition and none after it (the block's
output can be negative and the shortcut no longer passes through one final ReLU), and
adding an input whose shape differs from the branch's output (no projection shortcut
when the strides or the number of filters change).
"""

import numpy as np
import pytest

from grader.testing import array, not_judged, require_no_error
from grader.testing.reference_ops import ATOL, close, conv2d, largest_difference, relu
from grader.testing.trainability import judged_only_if_trained

RELU_AFTER_ADD = (
    "Add the shortcut to the residual branch first and apply the final ReLU to the sum: "
    "out = relu(BN(conv2(relu(BN(conv1(x))))) + shortcut(x)).")


def _setting(obs):
    return (f"ResidualBlock({obs['filters']}, strides={obs['strides']}) on "
            f"(2, {obs['size']}, {obs['size']}, {obs['channels']})")


PROJECTION_HINT = (
    "When the strides or the number of filters change, the input cannot be added to the "
    "branch's output as it is: the shortcut must be a 1x1 convolution with `filters` filters "
    "and the same strides (projection shortcut).")


def _raise_error(obs, mode=""):
    error = obs[f"{mode}_error" if mode else "error"]
    hint = PROJECTION_HINT if _shapes_change(obs) and "shape" in error.lower() else ""
    where = f" in {mode} mode" if mode else ""
    raise AssertionError(f"{_setting(obs)}{where} raised {error}. {hint}".strip())


def _shapes_change(obs):
    return obs["strides"] != 1 or obs["channels"] != obs["filters"]


def _require_output(obs):
    if obs.get("error"):
        _raise_error(obs)
    return array(obs["x"]).astype(np.float64), array(obs["output"]).astype(np.float64)


def _matches_projection(obs, x, output):
    """The pointwise convolutions whose (relu of) output the zeroed block returns."""
    found = []
    for conv in obs["pointwise"]:
        if conv["kernel_shape"][2] != x.shape[-1]:
            continue
        try:
            projected = conv2d(x, conv)
        except ValueError:
            continue
        if close(output, relu(projected)):
            found.append(("relu", conv))
        elif close(output, projected):
            found.append(("linear", conv))
    return found


def _negative_output(probe):
    """Why the block's output can be negative (no ReLU after the addition), or None."""
    for obs in probe.value_ranges()["configs"]:
        for mode in ("inference", "training"):
            if obs[f"{mode}_error"]:
                if _shapes_change(obs):
                    continue  # the missing projection costs points in its own check
                _raise_error(obs, mode)
            if obs[f"{mode}_min"] < -1e-6:
                return (
                    f"{_setting(obs)} returns negative values (minimum {obs[f'{mode}_min']:.3f}) in "
                    f"{mode} mode, so no ReLU follows the addition. This is the quiz's design fault "
                    "when the ReLU is applied to the residual branch before the addition: the "
                    "shortcut is added after the last non-linearity. " + RELU_AFTER_ADD)
    return None


@pytest.mark.points(1)
def test_output_is_non_negative(probe):
    """The final ReLU comes after the addition: the block's output is never negative"""
    fault = _negative_output(probe)
    assert fault is None, fault


@pytest.mark.points(1)
def test_shortcut_is_identity_when_shapes_match(probe):
    """With the residual branch silenced, the block returns x (through the final ReLU): identity shortcut"""
    judged_only_if_trained(probe.trainability(), "Whether the shortcut is the identity")
    obs = probe.zero_residual(filters=4, strides=1, channels=4)
    x, output = _require_output(obs)
    assert obs["zeroed"] >= 1, "No 3x3 Conv2D layer was found in the block: use tf.keras.layers.Conv2D(filters, 3)."
    if close(output, relu(x)) or close(output, x):
        return  # where the final ReLU sits is judged by test_output_is_non_negative
    if np.allclose(output, 0.0, atol=ATOL):
        raise AssertionError(
            "With the residual branch set to zero the block returns zeros: the shortcut is "
            "missing. Add the block's input to the output of the residual branch.")
    if _matches_projection(obs, x, output):
        raise AssertionError(
            "The input has `filters` channels and strides is 1, yet the shortcut goes through a "
            "1x1 convolution. The shortcut must be the identity when the shapes match (a "
            "projection only when strides or channels change), so that the block can pass its "
            "input through unchanged.")
    raise AssertionError(
        "With both 3x3 convolutions set to zero (and BatchNormalization at its initial "
        "statistics) the block should return relu(x): the identity shortcut added to a zero "
        f"residual. It returns something else ({largest_difference(output, relu(x))}): check that "
        "the shortcut is the unchanged input and that the only operation after the addition is "
        "the ReLU.")


@pytest.mark.points(1)
def test_projection_shortcut_when_shapes_change(probe):
    """With strides 2 and more filters the shortcut is a strided 1x1 convolution"""
    judged_only_if_trained(probe.trainability(), "Whether the shortcut is a projection")
    obs = probe.zero_residual(filters=8, strides=2, channels=4)
    if obs.get("error"):
        raise AssertionError(
            f"{_setting(obs)} raised {obs['error']}. When the strides or the number of filters "
            "change, the shortcut must be a 1x1 convolution with `filters` filters and the same "
            "strides (projection shortcut); adding the unchanged input gives a shape mismatch.")
    x, output = _require_output(obs)
    pointwise = [conv for conv in obs["pointwise"] if conv["kernel_shape"][2:] == [4, 8]]
    assert pointwise, (
        "No 1x1 convolution from the input's 4 channels to 8 filters was used: when the "
        "shapes differ, project the shortcut with Conv2D(filters, 1, strides=strides).")
    assert any(conv["strides"] == [2, 2] for conv in pointwise), (
        "The 1x1 projection shortcut must use the same strides as the block (2 here).")
    assert _matches_projection(obs, x, output), (
        "With both 3x3 convolutions set to zero the block should return relu(projection(x)), "
        "the 1x1 strided projection of the input passed through the final ReLU; it returns "
        "something else. Check that the projected shortcut is added to the residual branch.")


@pytest.mark.points(1)
def test_two_3x3_convolutions_with_batchnorm(probe):
    """Two 3x3 convolutions with `filters` filters and batch normalization"""
    for filters, strides, channels in ((4, 1, 4), (8, 2, 4)):
        obs = probe.structure(filters=filters, strides=strides, channels=channels)
        if obs["error"]:
            if _shapes_change(obs):
                continue  # the missing projection costs points in its own check
            _raise_error(obs)
        convs3 = [conv for conv in obs["convs"] if conv["kernel_shape"][:2] == [3, 3]]
        assert len(convs3) == 2, (
            f"{_setting(obs)} uses {len(convs3)} 3x3 Conv2D layer(s); the residual branch has "
            "exactly two 3x3 convolutions.")
        assert all(conv["kernel_shape"][3] == filters for conv in convs3), (
            "Both 3x3 convolutions need `filters` output channels.")
        assert len(obs["batchnorms"]) >= 2, (
            f"{_setting(obs)} uses {len(obs['batchnorms'])} BatchNormalization layer(s): follow "
            "each of the two 3x3 convolutions by its own BatchNormalization.")
        others = [conv["kernel_shape"][:2] for conv in obs["convs"]
                  if conv["kernel_shape"][:2] not in ([3, 3], [1, 1])]
        assert not others, f"Unexpected convolution kernel sizes {others}: use two 3x3 convolutions."


def _shortcuts(obs, x):
    """What the shortcut may be: the input (when the shapes match) or any 1x1 convolution of it.

    Which of them is right is judged by the shortcut checks; this check judges the branch.
    """
    found = [x] if not _shapes_change(obs) else []
    for conv in obs["convs"]:
        if conv["kernel_shape"] == [1, 1, obs["channels"], obs["filters"]]:
            found.append(conv2d(x, conv))
    return found


def _replicate(obs, x):
    """Candidate outputs of the block, computed from its kernels (BatchNormalization = identity)."""
    convs3 = [conv for conv in obs["convs"] if conv["kernel_shape"][:2] == [3, 3]]
    candidates = {}
    for first, second in ((convs3[0], convs3[1]), (convs3[1], convs3[0])):
        if first["kernel_shape"][2] != x.shape[-1] or second["kernel_shape"][2] != first["kernel_shape"][3]:
            continue
        hidden = conv2d(x, first)
        branch = conv2d(relu(hidden), second)
        plain_branch = conv2d(hidden, second)
        for shortcut in _shortcuts(obs, x):
            if branch.shape != shortcut.shape:
                continue
            candidates.setdefault("correct", []).append(relu(branch + shortcut))
            candidates.setdefault("relu_before_add", []).append(relu(branch) + shortcut)
            candidates.setdefault("relu_on_branch_and_after", []).append(relu(relu(branch) + shortcut))
            candidates.setdefault("no_final_relu", []).append(branch + shortcut)
            candidates.setdefault("no_middle_relu", []).append(relu(plain_branch + shortcut))
    return candidates


FORWARD_FEEDBACK = {
    "relu_on_branch_and_after": "the residual branch goes through a ReLU before the addition, so "
                                "it can only add non-negative values and the block can never "
                                "lower an activation. Apply no activation after the second "
                                "BatchNormalization: " + RELU_AFTER_ADD,
    "no_middle_relu": "there is no ReLU between the two convolutions, so the residual branch is "
                      "linear. Use conv, BN, ReLU, conv, BN.",
}
# Faults whose own check names them: the final ReLU's place (test_output_is_non_negative).
FINAL_RELU_FAULTS = ("relu_before_add", "no_final_relu")


def _judged_elsewhere(probe, obs, candidates, output):
    """End the check as not judged when a fault that another check names explains the output."""
    if any(close(output, value) for fault in FINAL_RELU_FAULTS for value in candidates.get(fault, [])):
        if _negative_output(probe):
            not_judged(f"{_setting(obs)}: the branch could not be judged because no ReLU follows "
                       "the addition (see test_output_is_non_negative).",
                       because="test_output_is_non_negative")
    modes = probe.batchnorm_modes()
    if not modes["error"] and modes["bn_count"] and _batchnorm_mode_fault(modes):
        not_judged(f"{_setting(obs)}: the branch could not be recomputed because BatchNormalization "
                   "does not follow the `training` argument (see test_batchnorm_training_and_inference).",
                   because="test_batchnorm_training_and_inference")


def _forward_inputs(obs):
    """The input and output, or None when a fault judged by another check stops the recomputation."""
    if obs.get("error") and _shapes_change(obs):
        return None  # the missing or wrong projection costs points in its own checks
    x, output = _require_output(obs)
    if len([conv for conv in obs["convs"] if conv["kernel_shape"][:2] == [3, 3]]) != 2:
        not_judged(f"{_setting(obs)}: the branch could not be recomputed without exactly two 3x3 "
                   "convolutions (see test_two_3x3_convolutions_with_batchnorm).",
                   because="test_two_3x3_convolutions_with_batchnorm")
    return x, output


@pytest.mark.points(1)
def test_block_computes_relu_of_branch_plus_shortcut(probe):
    """The block computes relu(BN(conv(relu(BN(conv(x))))) + shortcut(x))"""
    judged_only_if_trained(probe.trainability(), "What the block computes")
    for filters, strides, channels in ((4, 1, 4), (6, 2, 3)):
        obs = probe.forward(filters=filters, strides=strides, channels=channels)
        inputs = _forward_inputs(obs)
        if inputs is None:
            continue
        x, output = inputs
        candidates = _replicate(obs, x)
        if any(close(output, value) for value in candidates.get("correct", [])):
            continue
        _judged_elsewhere(probe, obs, candidates, output)
        for fault, message in FORWARD_FEEDBACK.items():
            if any(close(output, value) for value in candidates.get(fault, [])):
                raise AssertionError(f"{_setting(obs)}: {message}")
        raise AssertionError(
            f"{_setting(obs)} does not compute relu(BN(conv2(relu(BN(conv1(x))))) + shortcut(x)) "
            "(recomputed from your block's kernels with BatchNormalization at its initial "
            f"statistics, in inference mode{_difference(output, candidates)}). Check the order of "
            "the operations: conv, BN, ReLU, conv, BN, add the shortcut, ReLU.")


def _difference(output, candidates):
    """Where the output strays from the first correct recomputation, when there is one."""
    correct = candidates.get("correct", [])
    return f"; {largest_difference(output, correct[0])}" if correct else ""


def _batchnorm_mode_fault(obs):
    """Why BatchNormalization does not follow the `training` argument, or None."""
    if not all(obs["moving_changed"]):
        return ("Calling the block with training=True left some BatchNormalization moving statistics "
                "unchanged: the layer is forced into inference mode (training=False). Pass the "
                "`training` argument on (or leave it out: Keras passes it on by itself).")
    alone = array(obs["inference_alone"])
    mixed = array(obs["inference_mixed"], shape=alone.shape)
    default = array(obs["inference_default"], shape=alone.shape)
    if not np.allclose(alone, mixed, atol=1e-5):
        return ("With training=False the block's output for an image depends on the other images in "
                "the batch: BatchNormalization is forced into training mode (batch statistics). Pass "
                "the `training` argument on instead of training=True, so that inference uses the "
                "moving statistics.")
    if not np.allclose(default, mixed, atol=1e-5):
        return "Calling the block without `training` must behave like inference (training=False)."
    return None


@pytest.mark.points(1)
def test_batchnorm_training_and_inference(probe):
    """BatchNormalization learns in training mode and uses moving statistics in inference"""
    judged_only_if_trained(probe.trainability(), "How BatchNormalization behaves")
    obs = require_no_error(probe.batchnorm_modes(), who="The block")
    assert obs["bn_count"] >= 1, "The block has no BatchNormalization layer."
    fault = _batchnorm_mode_fault(obs)
    assert fault is None, fault
