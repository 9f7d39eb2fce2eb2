"""Task 32, public checks: the network builds on 32x32 colour images and outputs probabilities."""

import numpy as np
import pytest

from grader.testing import array


def quiz_sizes():
    """Height/width after every layer of the quiz's network: 'valid' 3x3 convs, 2x2 pooling."""
    size, sizes = 32, []
    for block in range(3):
        for _ in range(3):
            size -= 2
            sizes.append(size)
            if size < 1:
                return sizes  # Keras stops here: the output size would be negative
        if block < 2:
            size //= 2
            sizes.append(size)
    return sizes


def build_failure(result):
    """Feedback for a network that fails while it is built or first called."""
    trace = " -> ".join(str(size) for size in [32, *quiz_sizes()])
    return (
        f"build_model() fails on (32, 32, 3) input: {result['error']} "
        "With padding='valid' every 3x3 convolution removes a one-pixel border (2 pixels per "
        f"dimension) and every pooling halves the map: {trace}. The third block runs out of "
        "pixels, the output size would be negative. Use padding='same' in the convolutions "
        "(or drop the pooling layers), so that no feature map shrinks below 1x1.")


def built(result):
    assert result["error"] is None, build_failure(result)
    return result


@pytest.mark.points(2)
def test_builds_on_32x32_images(probe):
    """build_model() builds and runs on (b, 32, 32, 3) images"""
    built(probe.build())


@pytest.mark.points(1)
def test_outputs_probabilities(probe):
    """build_model() maps (b, 32, 32, 3) to (b, 10) probabilities"""
    output = array(built(probe.build())["output"])
    assert output.shape == (2, 10), (
        f"For a batch of 2 images of shape (32, 32, 3) the model returns shape {output.shape}; "
        "expected (2, 10): end with GlobalAveragePooling2D and Dense(num_classes).")
    assert output.min() >= 0 and np.allclose(output.sum(axis=1), 1, atol=1e-4), (
        "The outputs are not probabilities (they do not sum to 1 per image): give the last "
        "Dense layer a softmax activation.")


@pytest.mark.points(1)
def test_num_classes_respected(probe):
    """build_model(num_classes=k) outputs k probabilities per image"""
    for classes in (2, 5, 17):
        output = array(built(probe.build(num_classes=classes))["output"])
        assert output.shape == (2, classes), (
            f"build_model(num_classes={classes}) returns outputs of shape {output.shape} for 2 "
            f"images; expected (2, {classes}). Use the num_classes argument as the number of "
            "units of the last Dense layer instead of a fixed 10.")
