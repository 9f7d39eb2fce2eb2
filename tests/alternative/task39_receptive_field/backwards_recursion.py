# Mia: the recursion from the lecture, from the output unit back to the input:
# r = s * (r - 1) + k for every layer, starting with r = 1 at the output.
def receptive_field(layers):
    r = 1
    for kernel_size, stride in reversed(layers):
        r = stride * (r - 1) + kernel_size
    return r
