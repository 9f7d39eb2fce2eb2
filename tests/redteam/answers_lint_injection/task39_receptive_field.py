"""Task 39: the receptive field of a stack of convolution / pooling layers.

Walking from the input to the output, each layer widens the receptive field by
(kernel_size - 1) times the distance between neighbouring units of its input in input
pixels (the "jump": the product of the strides of all layers before it).
"""


def receptive_field(layers) -> int:
    field, jump = 1, 1
    for kernel_size, stride in layers:
        field += (kernel_size - 1) * jump
        jump *= stride
    return field
