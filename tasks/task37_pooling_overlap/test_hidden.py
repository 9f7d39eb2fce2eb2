"""Task 37, hidden checks: the settings of every pooling layer (pool_size == strides).

MaxPooling2D(pool_size=(2, 2), strides=(1, 1)) moves its 2x2 window by one pixel: the
windows overlap, every pixel is pooled up to four times and the map loses one pixel per
pooling (28 -> 27). Whether the feature maps are halved is Task 43's check; where the
pooling layers sit is Task 31's.
"""

import pytest

from grader.testing.pooling import describe_pooling


def example(pool):
    """The fix, in the way the student wrote the pooling."""
    if pool.get("written"):
        op = "max_pool2d" if pool["kind"].startswith("Max") else "avg_pool2d"
        return f"tf.nn.{op}(x, ksize=2, strides=2, padding='VALID')"
    return "MaxPooling2D(pool_size=(2, 2), strides=(2, 2))"


def size(shape):
    return "x".join(str(d) for d in shape[:-1]) if shape else "?"


@pytest.mark.points(2)
def test_pooling_windows_do_not_overlap(probe):
    """No pooling window overlaps the next one (strides not smaller than pool_size)"""
    for pool in probe.pooling_layers()["pools"]:
        overlapping = any(s < p for s, p in zip(pool["strides"], pool["pool_size"]))
        if not overlapping:
            continue
        shrink = f"{size(pool['input_shape'])} -> {size(pool['output_shape'])}"
        if all(stride == 1 for stride in pool["strides"]):
            effect = (f"each pixel is pooled several times and the map barely shrinks ({shrink}), "
                      "so the later layers stay large and slow")
        else:
            effect = (f"the map goes {shrink}, but neighbouring outputs share input pixels, so "
                      "one strong value is reported by several outputs")
        raise AssertionError(
            f"{describe_pooling(pool)} moves its window by fewer pixels than the window is wide, so "
            f"neighbouring windows overlap: {effect}. "
            "Overlapping pooling is the quiz's fault. Set strides equal to pool_size, e.g. "
            f"{example(pool)}" + ("" if pool.get("written") else
                                  ", or leave strides out (it defaults to pool_size)") + ".")


@pytest.mark.points(1)
def test_pooling_windows_do_not_skip_pixels(probe):
    """No pooling skips pixels between its windows (strides not larger than pool_size)"""
    for pool in probe.pooling_layers()["pools"]:
        gaps = any(s > p for s, p in zip(pool["strides"], pool["pool_size"]))
        assert not gaps, (
            f"{describe_pooling(pool)} moves its window further than the window is wide, so it "
            "skips pixels between windows: they never reach the next layer (the layer "
            f"subsamples rather than pools). Make pool_size equal to strides, e.g. {example(pool)}.")
