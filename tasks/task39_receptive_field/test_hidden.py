"""Task 39, hidden checks: how each layer grows the receptive field, judged one property at a time.

The field is r = 1 + sum_i (k_i - 1) * prod_{j < i} s_j over the layers from the input to
the output. Each check measures one property by comparing the student's own values for
two stacks (a stack and the stack with one layer more, or one stride changed), so a
mistake in the start value, which only the single-layer check judges, cancels out, and
each common mistake fails the one check that names it.
"""

import math

import pytest

from grader.testing import not_judged

FORMULA = ("Walking from the input to the output: r = 1 + sum of (k_i - 1) x (product of the "
           "strides of the layers before layer i).")

STRIDE_ONE = [[[3, 1]], [[3, 1]] * 2, [[5, 1], [3, 1]], [[7, 1], [1, 1], [3, 1]]]
VGG16 = ([[3, 1]] * 2 + [[2, 2]] + [[3, 1]] * 2 + [[2, 2]] + [[3, 1]] * 3 + [[2, 2]]
         + [[3, 1]] * 3 + [[2, 2]] + [[3, 1]] * 3 + [[2, 2]])
ALEXNET = [[11, 4], [3, 2], [5, 1], [3, 2], [3, 1], [3, 1], [3, 1], [3, 2]]
RESNET_STEM = [[7, 2], [3, 2]] + [[3, 1]] * 4 + [[3, 2]] + [[3, 1]] * 3 + [[3, 2]]
STRIDED = [[[3, 2]], [[3, 1], [3, 2]], [[3, 2], [3, 2], [3, 2]], [[5, 2], [3, 1]],
           [[3, 1], [3, 1], [2, 2], [3, 1], [3, 1], [2, 2]], [[5, 1], [3, 3], [5, 1], [3, 3]],
           VGG16, ALEXNET, RESNET_STEM, [[3, 2]] * 10]
ADDED = [[3, 1], [5, 1], [2, 1]]  # stride-1 layers appended at the output end
SINGLE_STRIDED = [[3, 2], [3, 4], [5, 2], [2, 2], [7, 3]]


def strides_product(stack):
    return math.prod(stride for _, stride in stack)


def growth_when_appended(probe, prefixes, layer):
    """(prefix, growth the student's function gives when ``layer`` is appended) for every prefix."""
    stacks = prefixes + [prefix + [layer] for prefix in prefixes]
    values = [result["value"] for result in probe.receptive_fields(stacks=stacks)]
    fields = dict(zip(map(str, stacks), values))
    return [(prefix, fields[str(prefix + [layer])] - fields[str(prefix)]) for prefix in prefixes]


def read_output_to_input(probe):
    """Whether a stride-1 layer put at the input end grows the field by more than k - 1."""
    stacks = [[[3, 2], [3, 2]], [[3, 1], [3, 2], [3, 2]]]
    first, second = (result["value"] for result in probe.receptive_fields(stacks=stacks))
    return second - first != 2


@pytest.mark.points(2)
def test_stacked_stride_one_layers(probe):
    """After stride-1 layers, every layer adds kernel_size - 1"""
    for layer in ADDED:
        for prefix, growth in growth_when_appended(probe, STRIDE_ONE, layer):
            assert growth == layer[0] - 1, (
                f"Appending a ({layer[0]}, 1) layer to {[tuple(item) for item in prefix]} grows "
                f"your receptive field by {growth}; after stride-1 layers a layer of kernel size "
                f"k adds k - 1 = {layer[0] - 1} pixels. {FORMULA}")


@pytest.mark.points(2)
def test_strides_of_earlier_layers(probe):
    """After strided layers, a layer grows the field by (kernel_size - 1) x the product of the earlier strides"""
    if read_output_to_input(probe):
        not_judged("Your function reads the layers from the output to the input, so the effect of "
                   "earlier strides cannot be judged; the check of the layer order names this.",
                   because="test_layers_in_input_order")
    for layer in ADDED:
        for prefix, growth in growth_when_appended(probe, STRIDED, layer):
            expected = (layer[0] - 1) * strides_product(prefix)
            if growth == expected:
                continue
            ignored = growth == layer[0] - 1
            raise AssertionError(
                f"Appending a ({layer[0]}, 1) layer to {[tuple(item) for item in prefix]} grows "
                f"your receptive field by {growth}; it should grow by ({layer[0]} - 1) x "
                f"{strides_product(prefix)} = {expected}, the product of the earlier strides. "
                + ("Your function ignores the strides: after a layer with stride s, neighbouring "
                   "units are s times further apart in the input, so every later layer's growth "
                   "must be multiplied by the product of the earlier strides. " if ignored else "")
                + FORMULA)


@pytest.mark.points(1)
def test_own_stride_not_counted(probe):
    """A layer's own stride does not widen its own receptive field"""
    stacks = [[layer] for layer in SINGLE_STRIDED] + [[[layer[0], 1]] for layer in SINGLE_STRIDED]
    values = [result["value"] for result in probe.receptive_fields(stacks=stacks)]
    for layer, strided, plain in zip(SINGLE_STRIDED, values, values[len(SINGLE_STRIDED):]):
        assert strided == plain, (
            f"receptive_field([{tuple(layer)}]) is {strided} but receptive_field([({layer[0]}, 1)]) "
            f"is {plain}: your function multiplies a layer's growth by its own stride as well. A "
            "layer's stride only spreads the units of the layers after it, so update the product "
            f"of strides after adding (kernel_size - 1) x product. {FORMULA}")


@pytest.mark.points(2)
def test_layers_in_input_order(probe):
    """The list is read from the input to the output: a layer put first adds kernel_size - 1"""
    stacks = [[[3, 2], [3, 2]], [[3, 1], [3, 2], [3, 2]], [[5, 4], [3, 1]], [[5, 1], [5, 4], [3, 1]]]
    values = [result["value"] for result in probe.receptive_fields(stacks=stacks)]
    for index in (0, 2):
        before, after = values[index], values[index + 1]
        added = stacks[index + 1][0][0] - 1
        assert after - before == added, (
            f"Putting a ({added + 1}, 1) layer before {[tuple(item) for item in stacks[index]]} (at "
            f"the input) grows your receptive field by {after - before}; a first layer is not "
            f"spread by any stride, so it adds {added}. Your function walks the layers from the "
            "output to the input: the list is ordered from the input to the output. " + FORMULA)
