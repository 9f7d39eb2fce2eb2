"""Task 32, public checks: the network builds on 32x32 colour images and outputs probabilities.

Building is the quiz's fault: when the model does not build, the other checks say they
could not be judged (one fault, one check) and the build check weighs as much as they do.
"""

import pytest

from grader.testing import array, assert_probabilities, check_num_classes
from grader.testing.models import assert_is_model, judged_only_if_built
from grader.testing.trainability import check_every_variable_trains

BUILDS = "test_builds_on_32x32_images"


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


def built(result, judging):
    return judged_only_if_built(result, judging, because=BUILDS)


@pytest.mark.points(4)
def test_builds_on_32x32_images(probe):
    """build_model() builds and runs on (b, 32, 32, 3) images, no feature map below 1x1"""
    result = probe.build()
    assert result["error"] is None, build_failure(result)
    for call in result["calls"]:
        shape = call["output_shape"]
        if shape is None or len(shape) != 3:
            continue
        assert all(d is not None and d >= 1 for d in shape[:2]), (
            f"{call['kind']} outputs feature maps of size {shape[0]}x{shape[1]}: a feature map "
            "shrinks below 1x1. Use padding='same' so that the convolutions keep the size.")


@pytest.mark.points(1)
def test_outputs_probabilities(probe):
    """build_model(num_classes=k) returns a Model that maps (b, 32, 32, 3) to (b, k) probabilities"""
    result = built(probe.build(), "The model's output")
    output = array(result["output"])
    assert output.shape == (2, 10), (
        f"For a batch of 2 images of shape (32, 32, 3) the model returns shape {output.shape}; "
        "expected (2, 10): end with GlobalAveragePooling2D and Dense(num_classes).")
    assert_probabilities(output)
    check_num_classes(lambda k: array(built(probe.build(num_classes=k), "The model's output")["output"]),
                      "build_model")
    assert_is_model(result, "build_model()")


@pytest.mark.points(1)
def test_every_variable_trains(probe):
    """Every trainable variable of a freshly built model gets a gradient and changes the output"""
    built(probe.build(), "Whether every variable trains")
    check_every_variable_trains(probe.trainability(), "the model build_model() returns")
