"""Task 42 probes: the student's BottleneckBlock, measured from outside.

Sublayers are found through Keras' tracking (any attribute names). A configuration is
(filters, bottleneck_ratio, input channels); ratio None means the constructor's default.
"""

from grader.probes import conv_blocks as cb
from grader.probes import expect_layer, tracked

SHAPE_CONFIGS = {
    "default": [(16, None, 16)],
    "ratio_2": [(16, 2, 16), (12, 2, 12)],
    "projection": [(16, 4, 8), (8, 2, 4)],
}
SIZE = 8
# Fewer input channels than filters first, so that the projection's weights are measured too.
TRAINABILITY_CONFIGS = [(16, None, 8), (16, None, 16)]


def _producer(filters, ratio):
    return f"BottleneckBlock({filters})" if ratio is None else f"BottleneckBlock({filters}, bottleneck_ratio={ratio})"


def _new_block(student, filters, ratio, seed):
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    if ratio is None:
        block = student.BottleneckBlock(filters)
    else:
        block = student.BottleneckBlock(filters, bottleneck_ratio=ratio)
    return expect_layer(block, _producer(filters, ratio))


def _block(student, filters, ratio, channels, seed):
    return _new_block(student, filters, ratio, seed), cb.random_input((2, SIZE, SIZE, channels), seed)


def trainability(student, seed=0):
    """Whether every variable of a fresh block trains, on the first configuration that runs."""
    settings = [(f"{_producer(filters, ratio)} on input (2, {SIZE}, {SIZE}, {channels})",
                 lambda f=filters, r=ratio: _new_block(student, f, r, seed),
                 cb.random_input((2, SIZE, SIZE, channels), seed))
                for filters, ratio, channels in TRAINABILITY_CONFIGS]
    return cb.trainability_of_first_running(settings)


def _config(filters, ratio, channels):
    return {"filters": filters, "ratio": ratio, "channels": channels, "size": SIZE}


def shapes(student, group="default", seed=0):
    """Output shape (or the error raised) for each configuration of a group."""
    results = []
    for filters, ratio, channels in SHAPE_CONFIGS[group]:
        block, x = _block(student, filters, ratio, channels, seed)
        call = cb.call_block(block, x)
        results.append({**_config(filters, ratio, channels), "output_shape": cb.output_shape(call),
                        "error": call["error"]})
    return {"configs": results}


def structure(student, filters=16, ratio=None, channels=16, seed=0):
    """The used convolutions (kernel shape, strides, padding), BatchNormalization sizes, parameters."""
    block, x = _block(student, filters, ratio, channels, seed)
    call = cb.call_block(block, x)
    if call["error"]:
        return {**_config(filters, ratio, channels), "error": call["error"]}
    convs = [{k: v for k, v in cb.describe_convolution(conv).items() if k not in ("kernel", "bias")}
             for conv in cb.used_convolutions(block)]
    return {**_config(filters, ratio, channels), "error": None, "convs": convs,
            "batchnorms": [cb.describe_batchnorm(bn) for bn in cb.used_batchnorms(block)],
            "params": tracked.count_params(block),
            "trainable_params": sum(int(v.numpy().size) for v in tracked.trainable_weights(block))}


def zero_residual(student, filters=16, ratio=4, channels=16, seed=0):
    """Output with the 3x3 convolution(s) and every bias zeroed, BatchNormalization the identity.

    The bottleneck branch then outputs zero, so the block returns its shortcut (possibly
    through a final ReLU).
    """
    block, x = _block(student, filters, ratio, channels, seed)
    first = cb.call_block(block, x)
    if first["error"]:
        return {**_config(filters, ratio, channels), "error": first["error"]}
    cb.make_batchnorm_identity(block)
    cb.zero_biases(block)
    zeroed = cb.zero_convolutions(block, lambda conv: cb.kernel_size(conv) != (1, 1))
    call = cb.call_block(block, x)
    pointwise = [cb.describe_convolution(conv) for conv in cb.used_convolutions(block)
                 if cb.kernel_size(conv) == (1, 1)]
    return {**_config(filters, ratio, channels), "error": call["error"], "x": x,
            "output": call["output"], "zeroed": zeroed, "pointwise": pointwise}
