"""Probes for the pooling layers of ``build_model()`` (module task31_cnn_fix).

Each pooling is recorded when the model really computes it, a Keras pooling layer or
``tf.nn.max_pool2d`` / ``tf.nn.avg_pool2d`` in ``call`` (grader.probes.pooling_ops), with
its settings and the spatial size of the feature map that goes in and comes out.
"""

import numpy as np

from grader.probes import POOLING_KINDS, expect_keras_object, forward_with_pooling


def pooling_layers(student, seed=0):
    """The model's output on a (2, 28, 28, 1) batch and every pooling call in call order."""
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    model = expect_keras_object(student.build_model(), "build_model()")
    x = np.random.default_rng(seed).uniform(-1, 1, (2, 28, 28, 1)).astype("float32")
    output, calls = forward_with_pooling(model, x)
    pools = [{"kind": call["kind"], "pool_size": call["config"].get("pool_size"),
              "strides": call["config"].get("strides"), "padding": call["config"].get("padding"),
              "input_shape": call["input_shape"], "output_shape": call["output_shape"],
              "written": call.get("written")}
             for call in calls if call["kind"] in POOLING_KINDS]
    return {"output": output, "pools": pools, "layer_count": len(calls)}
