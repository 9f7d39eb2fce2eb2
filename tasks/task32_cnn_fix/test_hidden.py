"""Task 32, hidden checks: feature-map sizes, the quiz's nine convolutions, the pooled head."""

import pytest

FILTERS = [32, 40, 50, 60, 70, 80, 60, 70, 80]
POOLING = {"MaxPooling2D", "AveragePooling2D"}
IGNORED = {"Dropout", "SpatialDropout2D", "BatchNormalization", "LayerNormalization",
           "Activation", "ReLU", "LeakyReLU", "ELU", "PReLU", "Softmax"}


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


def built(result):
    if result["error"] is not None:
        trace = " -> ".join(str(size) for size in [32, *quiz_sizes()])
        raise AssertionError(
            f"build_model() fails on (32, 32, 3) input, so nothing else can be checked: "
            f"{result['error']} With padding='valid' each 3x3 convolution shrinks the map by 2 "
            f"and each pooling halves it ({trace}): a feature map shrinks below 1x1. Use "
            "padding='same' in the convolutions.")
    return result


@pytest.mark.points(1)
def test_feature_maps_at_least_1x1(probe):
    """Every intermediate feature map is at least 1x1"""
    calls = built(probe.build())["calls"]
    for call in calls:
        shape = call["output_shape"]
        if shape is None or len(shape) != 3:
            continue
        assert all(d is not None and d >= 1 for d in shape[:2]), (
            f"{call['kind']} outputs feature maps of size {shape[0]}x{shape[1]}: a feature map "
            "shrinks below 1x1. Use padding='same' so that the convolutions keep the size.")


@pytest.mark.points(2)
def test_nine_convolutions_kept(probe):
    """The quiz's nine 3x3 convolutions (32, 40, 50 | 60, 70, 80 | 60, 70, 80 filters)"""
    convs = [call for call in built(probe.build())["calls"] if call["kind"] == "Conv2D"]
    filters = [conv["config"].get("filters") for conv in convs]
    assert filters == FILTERS, (
        f"The convolutions have {filters} filters; keep the quiz's nine convolutions with "
        f"{FILTERS} filters in this order. The fix is in how the maps shrink (padding, "
        "pooling), not in removing or changing convolutions.")
    for conv in convs:
        config = conv["config"]
        assert config.get("kernel_size") == [3, 3] and config.get("strides") == [1, 1], (
            f"A convolution has kernel_size {config.get('kernel_size')} and strides "
            f"{config.get('strides')}; the quiz's convolutions are 3x3 with stride 1.")


@pytest.mark.points(1)
def test_global_average_pooling_head(probe):
    """After the last convolution: GlobalAveragePooling2D, then the Dense output layer"""
    kinds = [call["kind"] for call in built(probe.build())["calls"] if call["kind"] not in IGNORED]
    last_conv = max((i for i, kind in enumerate(kinds) if kind == "Conv2D"), default=-1)
    head = [kind for kind in kinds[last_conv + 1:] if kind not in POOLING]
    assert head == ["GlobalAveragePooling2D", "Dense"], (
        f"After the last convolution the model calls {', '.join(head) or 'nothing'}; the quiz's "
        "head is GlobalAveragePooling2D followed by Dense(num_classes, softmax). Global average "
        "pooling turns each feature map into one number, whatever its size; Flatten would "
        "tie the Dense layer to one map size.")
