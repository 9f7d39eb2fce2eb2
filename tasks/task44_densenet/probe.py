"""Task 44 probes: the student's DenseBlock, measured from outside.

Sublayers are found through Keras' tracking (any attribute names). A configuration is
(num_layers, growth_rate, input channels, height, width). For the arithmetic check every
BatchNormalization is made an exact identity in inference mode; the kernels and the
output are returned and the trusted check recomputes the block.
"""

from grader.probes import conv_blocks as cb
from grader.probes import expect_layer

SHAPE_CONFIGS = {
    "public": [(3, 4, 6, 8, 8)],
    "spatial": [(2, 3, 3, 7, 9)],
    "several": [(1, 2, 3, 8, 8), (2, 5, 4, 6, 6), (4, 3, 8, 5, 7)],
}


# The second setting lets a block that adds (growth_rate = input channels) run at all.
TRAINABILITY_CONFIGS = [(3, 4, 5, 6, 6), (2, 4, 4, 6, 6)]


def _new_block(student, num_layers, growth_rate, seed):
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    return expect_layer(student.DenseBlock(num_layers, growth_rate),
                           f"DenseBlock({num_layers}, {growth_rate})")


def _block(student, num_layers, growth_rate, channels, height, width, seed):
    block = _new_block(student, num_layers, growth_rate, seed)
    return block, cb.random_input((2, height, width, channels), seed)


def trainability(student, seed=0):
    """Whether every variable of a fresh block trains, on the first setting that runs."""
    settings = [(f"DenseBlock({layers}, {growth}) on input (2, {height}, {width}, {channels})",
                 lambda n=layers, g=growth: _new_block(student, n, g, seed),
                 cb.random_input((2, height, width, channels), seed))
                for layers, growth, channels, height, width in TRAINABILITY_CONFIGS]
    return cb.trainability_of_first_running(settings)


def _config(num_layers, growth_rate, channels, height, width):
    return {"num_layers": num_layers, "growth_rate": growth_rate, "channels": channels,
            "height": height, "width": width}


def shapes(student, group="public", seed=0):
    """Output shape (or the error raised) for each configuration of a group."""
    results = []
    for config in SHAPE_CONFIGS[group]:
        block, x = _block(student, *config, seed)
        call = cb.call_block(block, x)
        results.append({**_config(*config), "output_shape": cb.output_shape(call), "error": call["error"]})
    return {"configs": results}


def outputs(student, num_layers=3, growth_rate=4, channels=6, height=6, width=6, training=False, seed=0):
    """The input and the block's output (fresh weights)."""
    block, x = _block(student, num_layers, growth_rate, channels, height, width, seed)
    call = cb.call_block(block, x, training=training)
    return {**_config(num_layers, growth_rate, channels, height, width), "training": training,
            "x": x, "output": call["output"], "error": call["error"]}


def structure(student, num_layers=3, growth_rate=4, channels=5, height=6, width=6, seed=0):
    """The used convolutions (kernel shape, strides, padding, activation) and BatchNormalization sizes.

    A block that raises on real data (e.g. 'valid' padding before the concatenation) is
    built on a symbolic input of unknown height and width instead, so its structure is
    still measured.
    """
    block, x = _block(student, num_layers, growth_rate, channels, height, width, seed)
    call = cb.call_block(block, x)
    if call["error"]:
        block = _new_block(student, num_layers, growth_rate, seed)
        if cb.build_symbolically(block, channels):
            return {**_config(num_layers, growth_rate, channels, height, width), "error": call["error"]}
    convs = [{k: v for k, v in cb.describe_convolution(conv).items() if k not in ("kernel", "bias")}
             for conv in cb.used_convolutions(block)]
    return {**_config(num_layers, growth_rate, channels, height, width), "error": None, "convs": convs,
            "batchnorms": [cb.describe_batchnorm(bn) for bn in cb.used_batchnorms(block)]}


def forward(student, num_layers=3, growth_rate=3, channels=4, height=6, width=6, seed=0):
    """Input, output and every convolution, with BatchNormalization made the identity."""
    block, x = _block(student, num_layers, growth_rate, channels, height, width, seed)
    first = cb.call_block(block, x)
    if first["error"]:
        return {**_config(num_layers, growth_rate, channels, height, width), "error": first["error"]}
    cb.make_batchnorm_identity(block)
    call = cb.call_block(block, x)
    return {**_config(num_layers, growth_rate, channels, height, width), "error": call["error"],
            "x": x, "output": call["output"],
            "convs": [cb.describe_convolution(conv) for conv in cb.used_convolutions(block)]}
