def receptive_field(layers):
    # every layer adds (kernel - 1) pixels around the field
    field = 1
    for kernel_size, stride in layers:
        field += kernel_size - 1
    return field
