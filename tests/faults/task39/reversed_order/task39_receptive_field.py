def receptive_field(layers):
    # from the output unit back to the input
    field, jump = 1, 1
    for kernel_size, stride in reversed(layers):
        field += (kernel_size - 1) * jump
        jump *= stride
    return field
