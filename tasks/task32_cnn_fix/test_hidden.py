"""Task 32, hidden checks: the quiz's nine convolutions and the pooled head."""

import pytest

from grader.testing.models import check_quiz_convolutions, judged_only_if_built

FILTERS = [32, 40, 50, 60, 70, 80, 60, 70, 80]
POOLING = {"MaxPooling2D", "AveragePooling2D"}
RESHAPING = {"GlobalAveragePooling2D", "Flatten", "Reshape"}  # around a spatial mean the probe measured


IGNORED = {"Dropout", "SpatialDropout2D", "BatchNormalization", "LayerNormalization",
           "Activation", "ReLU", "LeakyReLU", "ELU", "PReLU", "Softmax"}


def built(result, judging):
    return judged_only_if_built(result, judging, because="test_builds_on_32x32_images")


@pytest.mark.points(1)
def test_nine_convolutions_kept(probe):
    """The quiz's nine 3x3 convolutions (32, 40, 50 | 60, 70, 80 | 60, 70, 80 filters)"""
    check_quiz_convolutions(built(probe.build(), "The convolutions")["calls"], FILTERS, (
        f"keep the quiz's nine convolutions with {FILTERS} filters in this order. The fix is in "
        "how the maps shrink (padding, pooling), not in removing or changing convolutions."))


@pytest.mark.points(1)
def test_global_average_pooling_head(probe):
    """After the last convolution: global average pooling, then the Dense output layer"""
    result = built(probe.build(), "The head of the network")
    kinds = [call["kind"] for call in result["calls"] if call["kind"] not in IGNORED]
    last_conv = max((i for i, kind in enumerate(kinds) if kind == "Conv2D"), default=-1)
    head = [kind for kind in kinds[last_conv + 1:] if kind not in POOLING]
    assert head == ["GlobalAveragePooling2D", "Dense"] or (
        head[-1:] == ["Dense"] and set(head[:-1]) <= RESHAPING and result["head_averages_maps"]), (
        f"After the last convolution the model calls {', '.join(head) or 'nothing'}; the quiz's "
        "head is GlobalAveragePooling2D followed by Dense(num_classes, softmax). Global average "
        "pooling turns each feature map into one number, whatever its size; Flatten would "
        "tie the Dense layer to one map size.")
