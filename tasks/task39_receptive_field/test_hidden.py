"""Task 39, hidden checks: receptive fields of stacks with strides, pooling and many layers.

Expected values come from the formula r = 1 + sum_i (k_i - 1) * prod_{j < i} s_j over
the layers from the input to the output. The feedback names the formula a wrong value
matches, when it matches one of the common mistakes.
"""

import pytest


def receptive(stack):
    field, jump = 1, 1
    for kernel, stride in stack:
        field += (kernel - 1) * jump
        jump *= stride
    return field


def ignoring_strides(stack):
    return 1 + sum(kernel - 1 for kernel, _ in stack)


def own_stride_counted(stack):
    field, jump = 1, 1
    for kernel, stride in stack:
        jump *= stride
        field += (kernel - 1) * jump
    return field


MISTAKES = [
    (ignoring_strides, "ignores the strides: after a layer with stride s, neighbouring units "
                       "are s times further apart in the input, so every later layer's growth "
                       "(kernel_size - 1) must be multiplied by the product of the earlier strides"),
    (own_stride_counted, "multiplies a layer's growth by its own stride as well: a layer's "
                         "stride only spreads the units of the layers after it, so update the "
                         "product of strides after adding (kernel_size - 1) x product"),
    (lambda stack: receptive(stack) - 1, "returns one pixel too few: start from 1 (an output unit "
                                          "sees at least one pixel), not from 0"),
    (lambda stack: receptive(stack) + 1, "returns one pixel too many: start from 1, not from 2"),
    (lambda stack: receptive(list(reversed(stack))), "walks the layers from the output to the "
                                                     "input: the list is ordered from the input "
                                                     "to the output"),
]

STACKED = [[[3, 1]] * 2, [[3, 1]] * 3, [[3, 1]] * 5, [[5, 1], [3, 1], [1, 1]], [[7, 1], [7, 1]]]
EARLIER_STRIDES = [[[3, 2], [3, 1]], [[3, 1], [3, 2], [3, 1]], [[3, 2], [3, 2], [3, 2]],
                   [[5, 2], [3, 1], [3, 1]], [[7, 2], [3, 2], [3, 1], [3, 1]]]
LAST_STRIDE = [[[3, 1], [3, 1], [3, 2]], [[5, 1], [2, 2]], [[3, 4]], [[3, 1], [1, 1], [3, 3]]]
POOLING = [[[3, 1], [3, 1], [2, 2], [3, 1], [3, 1], [2, 2]],
           [[3, 1], [2, 2], [3, 1], [2, 2], [3, 1], [2, 2], [3, 1]],
           [[5, 1], [3, 3], [5, 1], [3, 3]]]
VGG16 = ([[3, 1]] * 2 + [[2, 2]] + [[3, 1]] * 2 + [[2, 2]] + [[3, 1]] * 3 + [[2, 2]]
         + [[3, 1]] * 3 + [[2, 2]] + [[3, 1]] * 3 + [[2, 2]])
ALEXNET = [[11, 4], [3, 2], [5, 1], [3, 2], [3, 1], [3, 1], [3, 1], [3, 2]]
RESNET_STEM = [[7, 2], [3, 2]] + [[3, 1]] * 4 + [[3, 2]] + [[3, 1]] * 3 + [[3, 2]] + [[3, 1]] * 3
LONG = [VGG16, ALEXNET, RESNET_STEM, [[3, 1]] * 20, [[3, 2]] * 10]


def check_stacks(probe, stacks):
    wrong = [(stack, result["value"]) for stack, result in
             zip(stacks, probe.receptive_fields(stacks=stacks)) if result["value"] != receptive(stack)]
    if not wrong:
        return
    # Name the common mistake that explains most of the wrong values, if any does.
    counts = [(sum(mistake(stack) == got for stack, got in wrong), text) for mistake, text in MISTAKES]
    best, text = max(counts, key=lambda pair: pair[0])
    diagnosis = f" Your function {text}." if best else ""
    stack, got = wrong[0]
    layers = [tuple(layer) for layer in stack]
    raise AssertionError(
        f"receptive_field({layers}) returned {got}; the receptive field is {receptive(stack)} "
        f"({len(wrong)} of {len(stacks)} stacks wrong).{diagnosis} Walking from the input to "
        "the output: r = 1 + sum of (k_i - 1) x (product of the strides of the layers before "
        "layer i).")


@pytest.mark.points(2)
def test_stacked_stride_one_layers(probe):
    """Stacks of stride-1 layers: every layer adds kernel_size - 1"""
    check_stacks(probe, STACKED)


@pytest.mark.points(2)
def test_strides_of_earlier_layers(probe):
    """Layers after a strided layer grow the field by (kernel_size - 1) x the earlier strides"""
    check_stacks(probe, EARLIER_STRIDES)


@pytest.mark.points(1)
def test_own_stride_not_counted(probe):
    """A layer's own stride does not widen its own receptive field"""
    check_stacks(probe, LAST_STRIDE)


@pytest.mark.points(1)
def test_pooling_layers(probe):
    """Pooling layers count like any (kernel_size, stride) layer"""
    check_stacks(probe, POOLING)


@pytest.mark.points(1)
def test_long_stacks(probe):
    """Long stacks: VGG16, AlexNet, a ResNet stem, deep stride-1 and stride-2 stacks"""
    check_stacks(probe, LONG)
