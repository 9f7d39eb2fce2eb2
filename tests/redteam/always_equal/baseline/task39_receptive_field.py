def receptive_field(layers):
    return -1
