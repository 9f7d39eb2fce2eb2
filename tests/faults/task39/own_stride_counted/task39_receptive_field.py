def receptive_field(layers):
    field = 1
    jump = 1
    for kernel_size, stride in layers:
        jump = jump * stride
        field = field + (kernel_size - 1) * jump
    return field
