"""Task 43, hidden checks: with pool_size == strides every pooling layer halves the maps.

Measured on a real forward pass: the spatial size that enters and leaves every pooling
layer. Pooling layers whose pool_size differs from strides are the fault of Task 37 and
are graded there (one fault, one task).
"""

import pytest

from grader.testing.pooling import describe_pooling


def halved(size_in, size_out):
    return size_out in (size_in // 2, -(-size_in // 2))


@pytest.mark.points(2)
def test_pooling_halves_feature_maps(probe):
    """Every pooling layer with pool_size == strides halves height and width"""
    for pool in probe.pooling_layers()["pools"]:
        if pool["pool_size"] != pool["strides"]:
            continue  # overlapping or gapped windows: Task 37's check
        spatial_in, spatial_out = pool["input_shape"][:-1], pool["output_shape"][:-1]
        sizes = f"{'x'.join(map(str, spatial_in))} -> {'x'.join(map(str, spatial_out))}"
        ok = len(spatial_in) == len(spatial_out) and all(
            halved(a, b) for a, b in zip(spatial_in, spatial_out))
        window = pool["pool_size"]
        if all(p == 1 for p in window):
            reason = ("a 1x1 window with stride 1 does nothing at all: pool_size == strides "
                      "is right, but the window must be 2x2")
        else:
            reason = (f"with pool_size == strides the windows tile the map, which therefore "
                      f"shrinks by the window size {tuple(window)} in each direction")
        assert ok, (
            f"{describe_pooling(pool)} turns {sizes} feature maps into a map that is not half as high "
            f"and half as wide: {reason}. Use pool_size=(2, 2) with strides=(2, 2), so that "
            "each pooling layer halves height and width (28x28 -> 14x14 -> 7x7) and every "
            "pixel lands in exactly one window.")
