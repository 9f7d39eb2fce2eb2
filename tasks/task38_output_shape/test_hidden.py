"""Task 38: output shapes of a valid 3x3 convolution and global average pooling."""

import pytest

from grader.testing import as_shape

BATCH, HEIGHT, WIDTH, FILTERS = 32, 1920, 1080, 32


@pytest.mark.points(2)
def test_convolution_output_shape(answers):
    """answers.yaml: task38.conv_output_shape"""
    given = as_shape(answers["conv_output_shape"])
    assert len(given) == 4, f"Give all four dimensions (batch, height, width, channels), not {given}."
    assert given[0] == BATCH, "The batch dimension (32) passes through unchanged."
    assert given[3] == FILTERS, "The number of output channels equals the number of filters (32)."
    assert given[1:3] == [HEIGHT - 2, WIDTH - 2], (
        "With padding='valid' a 3x3 kernel fits (n - 3 + 1) times along each axis: "
        "height and width shrink by 2.")


@pytest.mark.points(2)
def test_pooled_output_shape(answers):
    """answers.yaml: task38.pooled_output_shape"""
    given = as_shape(answers["pooled_output_shape"])
    assert given == [BATCH, FILTERS], (
        "GlobalAveragePooling2D averages each feature map over height and width: one number "
        "per channel and example, shape (batch, channels).")
