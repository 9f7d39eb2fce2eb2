"""Task 40, hidden checks: the residual block's design faults, measured behaviourally.

The quiz asks what is wrong with a residual block design. The classic faults: the ReLU
applied to the residual branch before the addition and none after it (the block's
output can be negative and the shortcut no longer passes through one final ReLU), and
adding an input whose shape differs from the branch's output (no projection shortcut
when the strides or the number of filters change).
"""

import numpy as np
import pytest

from grader.testing import array

ATOL = 1e-4

RELU_AFTER_ADD = (
    "Add the shortcut to the residual branch first and apply the final ReLU to the sum: "
    "out = relu(BN(conv2(relu(BN(conv1(x))))) + shortcut(x)).")


def relu(values):
    return np.maximum(values, 0.0)


def conv2d(x, conv):
    """A Keras Conv2D (linear part) in NumPy: TensorFlow's 'same'/'valid' padding, strides."""
    kernel = np.asarray(conv["kernel"], dtype=np.float64)
    kh, kw, _, cout = kernel.shape
    sh, sw = conv["strides"]
    _, h, w, _ = x.shape
    if conv["padding"] == "same":
        oh, ow = -(-h // sh), -(-w // sw)
        ph, pw = max((oh - 1) * sh + kh - h, 0), max((ow - 1) * sw + kw - w, 0)
        x = np.pad(x, ((0, 0), (ph // 2, ph - ph // 2), (pw // 2, pw - pw // 2), (0, 0)))
    else:
        oh, ow = (h - kh) // sh + 1, (w - kw) // sw + 1
    out = np.zeros((x.shape[0], oh, ow, cout))
    for i in range(kh):
        for j in range(kw):
            patch = x[:, i:i + (oh - 1) * sh + 1:sh, j:j + (ow - 1) * sw + 1:sw, :]
            out += np.einsum("bhwc,co->bhwo", patch, kernel[i, j])
    return out + np.asarray(conv["bias"], dtype=np.float64)


def close(output, expected):
    return output.shape == expected.shape and np.allclose(output, expected, atol=ATOL, rtol=ATOL)


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


@pytest.mark.points(2)
def test_output_is_non_negative(probe):
    """The final ReLU comes after the addition: the block's output is never negative"""
    for obs in probe.value_ranges()["configs"]:
        for mode in ("inference", "training"):
            if obs[f"{mode}_error"]:
                if _shapes_change(obs):
                    continue  # the missing projection costs points in its own check
                _raise_error(obs, mode)
            assert obs[f"{mode}_min"] >= -1e-6, (
                f"{_setting(obs)} returns negative values (minimum {obs[f'{mode}_min']:.3f}) in "
                f"{mode} mode, so no ReLU follows the addition. This is the quiz's design fault "
                "when the ReLU is applied to the residual branch before the addition: the "
                "shortcut is added after the last non-linearity. " + RELU_AFTER_ADD)


@pytest.mark.points(2)
def test_shortcut_is_identity_when_shapes_match(probe):
    """With the residual branch silenced, the block returns relu(x) (identity shortcut)"""
    obs = probe.zero_residual(filters=4, strides=1, channels=4)
    x, output = _require_output(obs)
    assert obs["zeroed"] >= 1, "No 3x3 Conv2D layer was found in the block: use tf.keras.layers.Conv2D(filters, 3)."
    if close(output, relu(x)):
        return
    if close(output, x):
        raise AssertionError(
            "With the residual branch set to zero the block returns x itself, negative values "
            "included: the ReLU is not applied after the addition (the quiz's design fault: "
            "ReLU on the residual branch before adding the shortcut). " + RELU_AFTER_ADD)
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
        "residual. It returns something else: check that the shortcut is the unchanged input "
        "and that the only operation after the addition is the ReLU.")


@pytest.mark.points(2)
def test_projection_shortcut_when_shapes_change(probe):
    """With strides 2 and more filters the shortcut is a strided 1x1 convolution"""
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
    found = _matches_projection(obs, x, output)
    assert found, (
        "With both 3x3 convolutions set to zero the block should return relu(projection(x)), "
        "the 1x1 strided projection of the input passed through the final ReLU; it returns "
        "something else. Check that the projected shortcut is added before the final ReLU.")
    assert any(kind == "relu" for kind, _ in found), (
        "With the residual branch set to zero the block returns the projected shortcut without "
        "a ReLU: the final ReLU must come after the addition. " + RELU_AFTER_ADD)


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


def _replicate(obs, x):
    """Candidate outputs of the block, computed from its kernels (BatchNormalization = identity)."""
    convs3 = [conv for conv in obs["convs"] if conv["kernel_shape"][:2] == [3, 3]]
    if len(convs3) != 2:
        raise AssertionError(f"Expected two 3x3 convolutions, found {len(convs3)}.")
    projections = [conv for conv in obs["convs"] if conv["kernel_shape"] == [1, 1, obs["channels"], obs["filters"]]]
    candidates = {}
    if obs["strides"] == 1 and obs["channels"] == obs["filters"]:
        shortcut = x
        if projections:
            projected = conv2d(x, projections[0])
            candidates["projection_always"] = [relu(projected + conv2d(relu(conv2d(x, first)), second))
                                               for first, second in ((convs3[0], convs3[1]), (convs3[1], convs3[0]))]
    else:
        if not projections:
            raise AssertionError("No 1x1 projection shortcut was found although the shapes change. "
                                 + PROJECTION_HINT)
        shortcut = conv2d(x, projections[0])
    for first, second in ((convs3[0], convs3[1]), (convs3[1], convs3[0])):
        if first["kernel_shape"][2] != x.shape[-1] or second["kernel_shape"][2] != first["kernel_shape"][3]:
            continue
        hidden = conv2d(x, first)
        branch = conv2d(relu(hidden), second)
        plain_branch = conv2d(hidden, second)
        if branch.shape != shortcut.shape:
            continue
        candidates.setdefault("correct", []).append(relu(branch + shortcut))
        candidates.setdefault("relu_before_add", []).append(relu(branch) + shortcut)
        candidates.setdefault("relu_on_branch_and_after", []).append(relu(relu(branch) + shortcut))
        candidates.setdefault("no_final_relu", []).append(branch + shortcut)
        candidates.setdefault("no_middle_relu", []).append(relu(plain_branch + shortcut))
    return candidates


FORWARD_FEEDBACK = {
    "relu_before_add": "the ReLU is applied to the residual branch before the addition and no "
                       "ReLU follows it (the quiz's design fault). " + RELU_AFTER_ADD,
    "relu_on_branch_and_after": "the residual branch goes through a ReLU before the addition, so "
                                "it can only add non-negative values and the block can never "
                                "lower an activation. Apply no activation after the second "
                                "BatchNormalization: " + RELU_AFTER_ADD,
    "no_final_relu": "no ReLU follows the addition. " + RELU_AFTER_ADD,
    "no_middle_relu": "there is no ReLU between the two convolutions, so the residual branch is "
                      "linear. Use conv, BN, ReLU, conv, BN.",
    "projection_always": "the shortcut goes through a 1x1 convolution although the shapes match; "
                         "it must be the identity (the unchanged input) then.",
}


@pytest.mark.points(2)
def test_block_computes_relu_of_branch_plus_shortcut(probe):
    """The block computes relu(BN(conv(relu(BN(conv(x))))) + shortcut(x))"""
    for filters, strides, channels in ((4, 1, 4), (6, 2, 3)):
        obs = probe.forward(filters=filters, strides=strides, channels=channels)
        x, output = _require_output(obs)
        candidates = _replicate(obs, x)
        if any(close(output, value) for value in candidates.get("correct", [])):
            continue
        for fault, message in FORWARD_FEEDBACK.items():
            if any(close(output, value) for value in candidates.get(fault, [])):
                raise AssertionError(f"{_setting(obs)}: {message}")
        raise AssertionError(
            f"{_setting(obs)} does not compute relu(BN(conv2(relu(BN(conv1(x))))) + shortcut(x)) "
            "(recomputed from your block's kernels with BatchNormalization at its initial "
            "statistics, in inference mode). Check the order of the operations: conv, BN, ReLU, "
            "conv, BN, add the shortcut, ReLU; and that BatchNormalization is not forced into "
            "training mode.")


@pytest.mark.points(1)
def test_batchnorm_training_and_inference(probe):
    """BatchNormalization learns in training mode and uses moving statistics in inference"""
    obs = probe.batchnorm_modes()
    if obs["error"]:
        raise AssertionError(f"The block raised {obs['error']}")
    assert obs["bn_count"] >= 1, "The block has no BatchNormalization layer."
    assert all(obs["moving_changed"]), (
        "Calling the block with training=True left some BatchNormalization moving statistics "
        "unchanged: the layer is forced into inference mode (training=False). Pass the "
        "`training` argument on (or leave it out: Keras passes it on by itself).")
    alone = array(obs["inference_alone"])
    mixed = array(obs["inference_mixed"], shape=alone.shape)
    default = array(obs["inference_default"], shape=alone.shape)
    assert np.allclose(alone, mixed, atol=1e-5), (
        "With training=False the block's output for an image depends on the other images in the "
        "batch: BatchNormalization is forced into training mode (batch statistics). Pass the "
        "`training` argument on instead of training=True, so that inference uses the moving statistics.")
    assert np.allclose(default, mixed, atol=1e-5), (
        "Calling the block without `training` must behave like inference (training=False).")
