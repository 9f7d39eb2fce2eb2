# Dana walks the stack backwards, from one output unit down to the input.
import numpy as np


def receptive_field(layers):
    size = 1
    for kernel_size, stride in reversed(list(layers)):
        size = stride * size + (kernel_size - stride)
    return np.int64(size)
