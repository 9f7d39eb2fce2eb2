"""Task 39 - CNNs receptive field.

The receptive field of a unit is the region of the input image that can influence it.
Write

    receptive_field(layers) -> int

that returns the receptive field (in input pixels, along one dimension) of a unit in the
last layer of a stack of convolution and pooling layers. `layers` is a list of
(kernel_size, stride) pairs, ordered from the input to the output; for example a 3x3
convolution with stride 1 followed by 2x2 max pooling with stride 2 is [(3, 1), (2, 2)].

Examples: receptive_field([(3, 1)]) == 3, receptive_field([(3, 1), (3, 1)]) == 5.
Remember that a layer after a strided layer sees units that are further apart in the
input. Return a Python int.
"""


def receptive_field(layers) -> int:
    raise NotImplementedError("Task 39: compute the receptive field of the stack")
