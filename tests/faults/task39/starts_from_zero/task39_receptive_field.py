import math


def receptive_field(layers):
    total = 0
    for i, (kernel_size, _) in enumerate(layers):
        total += (kernel_size - 1) * math.prod(stride for _, stride in layers[:i])
    return total
