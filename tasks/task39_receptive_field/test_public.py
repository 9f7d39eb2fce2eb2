"""Task 39, public checks: receptive_field returns an int and handles a single layer."""

import pytest

SINGLE = [[[3, 1]], [[5, 1]], [[1, 1]]]


@pytest.mark.points(1)
def test_single_layer(probe):
    """One layer: the receptive field is its kernel size"""
    for stack, result in zip(SINGLE, probe.receptive_fields(stacks=SINGLE)):
        kernel = stack[0][0]
        assert result["value"] == kernel, (
            f"receptive_field([({kernel}, 1)]) returned {result['value']}; a single layer sees "
            f"exactly its kernel: {kernel} pixels. Start from a field of 1 (one output unit "
            "sees one pixel) and add (kernel_size - 1) per layer.")


@pytest.mark.points(1)
def test_returns_an_int(probe):
    """receptive_field returns a whole number (int)"""
    stacks = [[[3, 1], [3, 1]], [[3, 2], [2, 2]]]
    for stack, result in zip(stacks, probe.receptive_fields(stacks=stacks)):
        assert result["integer"], (
            f"receptive_field({[tuple(layer) for layer in stack]}) returned {result['kind']} "
            f"({result['value']!r}); a receptive field is a whole number of pixels: return an "
            "int (multiply the strides instead of dividing, or convert with int()).")
