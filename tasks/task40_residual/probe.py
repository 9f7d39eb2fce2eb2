"""Task 40 probes: what the student's ResidualBlock computes, measured from outside.

Sublayers are found through Keras' tracking (any attribute names). For the arithmetic
checks every BatchNormalization is made an exact identity in inference mode; the
kernels and the output are returned and the trusted checks recompute the block.
Each configuration is (filters, strides, input channels, spatial size).
"""

import numpy as np

from grader.probes import conv_blocks as cb
from grader.probes import expect_layer, tracked

SHAPE_CONFIGS = {
    "same": [(4, 1, 4, 8), (6, 1, 6, 7)],
    "changed": [(8, 1, 4, 8), (4, 2, 4, 8), (8, 2, 4, 8), (6, 2, 3, 7)],
}
# Strides 2 and more filters first, so that the projection's weights are measured too.
TRAINABILITY_CONFIGS = [(8, 2, 4, 8), (4, 1, 4, 8)]


def _new_block(student, filters, strides, seed):
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    return expect_layer(student.ResidualBlock(filters, strides=strides),
                           f"ResidualBlock({filters}, strides={strides})")


def _block(student, filters, strides, channels, size, seed):
    return _new_block(student, filters, strides, seed), cb.random_input((2, size, size, channels), seed)


def trainability(student, seed=0):
    """Whether every variable of a fresh block trains, on the first configuration that runs."""
    settings = [(f"ResidualBlock({filters}, strides={strides}) on input (2, {size}, {size}, {channels})",
                 lambda f=filters, s=strides: _new_block(student, f, s, seed),
                 cb.random_input((2, size, size, channels), seed))
                for filters, strides, channels, size in TRAINABILITY_CONFIGS]
    return cb.trainability_of_first_running(settings)


def _config(filters, strides, channels, size):
    return {"filters": filters, "strides": strides, "channels": channels, "size": size}


def shapes(student, group="same", seed=0):
    """Output shape (or the error raised) for each configuration of a group."""
    results = []
    for filters, strides, channels, size in SHAPE_CONFIGS[group]:
        block, x = _block(student, filters, strides, channels, size, seed)
        call = cb.call_block(block, x)
        results.append({**_config(filters, strides, channels, size),
                        "output_shape": cb.output_shape(call), "error": call["error"]})
    return {"configs": results}


def value_ranges(student, seed=0):
    """Smallest output value in inference and in training mode, fresh weights, N(0, 1) input."""
    results = []
    for filters, strides, channels, size in [(4, 1, 4, 8), (8, 2, 4, 8)]:
        block, x = _block(student, filters, strides, channels, size, seed)
        entry = _config(filters, strides, channels, size)
        for mode, training in (("inference", False), ("training", True)):
            call = cb.call_block(block, x, training=training)
            entry[f"{mode}_min"] = None if call["output"] is None else float(call["output"].min())
            entry[f"{mode}_error"] = call["error"]
        results.append(entry)
    return {"configs": results}


def _structure(block):
    convs = [cb.describe_convolution(conv) for conv in cb.used_convolutions(block)]
    bns = [cb.describe_batchnorm(bn) for bn in cb.used_batchnorms(block)]
    return convs, bns


def structure(student, filters=4, strides=1, channels=4, size=8, seed=0):
    """The used convolutions (kernel, strides, padding) and BatchNormalization layers."""
    block, x = _block(student, filters, strides, channels, size, seed)
    call = cb.call_block(block, x)
    if call["error"]:
        return {**_config(filters, strides, channels, size), "error": call["error"]}
    convs, bns = _structure(block)
    return {**_config(filters, strides, channels, size), "error": None,
            "convs": [{k: v for k, v in conv.items() if k not in ("kernel", "bias")} for conv in convs],
            "batchnorms": bns, "params": tracked.count_params(block)}


def zero_residual(student, filters=4, strides=1, channels=4, size=8, seed=0):
    """Output with every 3x3 convolution zeroed and BatchNormalization made the identity.

    With the residual branch silenced, a correct block computes relu(shortcut(x)).
    """
    block, x = _block(student, filters, strides, channels, size, seed)
    first = cb.call_block(block, x)
    if first["error"]:
        return {**_config(filters, strides, channels, size), "error": first["error"]}
    cb.make_batchnorm_identity(block)
    zeroed = cb.zero_convolutions(block, lambda conv: cb.kernel_size(conv) != (1, 1))
    call = cb.call_block(block, x)
    convs, _ = _structure(block)
    return {**_config(filters, strides, channels, size), "error": call["error"], "x": x,
            "output": call["output"], "zeroed": zeroed,
            "pointwise": [conv for conv in convs if conv["kernel_shape"][:2] == [1, 1]]}


def forward(student, filters=4, strides=1, channels=4, size=8, seed=0):
    """Input, output and every convolution, with BatchNormalization made the identity."""
    block, x = _block(student, filters, strides, channels, size, seed)
    first = cb.call_block(block, x)
    if first["error"]:
        return {**_config(filters, strides, channels, size), "error": first["error"]}
    cb.make_batchnorm_identity(block)
    call = cb.call_block(block, x)
    convs, _ = _structure(block)
    return {**_config(filters, strides, channels, size), "error": call["error"], "x": x,
            "output": call["output"], "convs": convs}


def batchnorm_modes(student, seed=0):
    """Moving statistics around a training call; inference outputs alone and in a batch."""
    block, _ = _block(student, 4, 1, 4, 8, seed)
    x = cb.random_input((8, 8, 8, 4), seed, scale=2.0, shift=3.0)
    other = cb.random_input((6, 8, 8, 4), seed + 1, scale=5.0, shift=-2.0)
    built = cb.call_block(block, x, training=False)
    if built["error"]:
        return {"error": built["error"]}
    bns = cb.used_batchnorms(block)
    before = cb.moving_statistics(bns)
    trained = cb.call_block(block, x, training=True)
    after = cb.moving_statistics(bns)
    alone = cb.call_block(block, x[:2], training=False)
    mixed = cb.call_block(block, np.concatenate([x[:2], other]), training=False)
    default = cb.call_block(block, np.concatenate([x[:2], other]), training=None)
    error = trained["error"] or alone["error"] or mixed["error"] or default["error"]
    if error:
        return {"error": error}
    return {"error": None, "bn_count": len(bns),
            "moving_changed": [bool(not np.array_equal(b, a)) for b, a in zip(before, after)],
            "inference_alone": alone["output"], "inference_mixed": mixed["output"][:2],
            "inference_default": default["output"][:2]}
