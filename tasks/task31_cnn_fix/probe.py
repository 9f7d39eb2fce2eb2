"""Task 31 probes: the repaired "CNN fail I" network, observed during real forward passes.

The layers are recorded in the order the model calls them (grader.probes.tapped_layers),
so Sequential, functional and subclassed models describe alike.
"""

import numpy as np

from grader.probes.genuine import class_label
from grader.probes.models import expect_model
from grader.probes.tracked import trainable_weights
from grader.probes.tapped_layers import traced_forward
from grader.probes.training import call_is_tf_function


def _build(student, num_classes, seed):
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    if num_classes is None:
        return expect_model(student.build_model(), "build_model()")
    return expect_model(student.build_model(num_classes=num_classes),
                        f"build_model(num_classes={num_classes})")


def architecture(student, num_classes=None, seed=0):
    """Output on a (2, 28, 28, 1) batch and every layer call: kind, config, shapes."""
    model = _build(student, num_classes, seed)
    x = np.random.default_rng(seed).uniform(-1, 1, (2, 28, 28, 1)).astype("float32")
    output, calls = traced_forward(model, x)
    return {"output": output, "calls": calls, "model_class": class_label(type(model))}


def training_losses(student, steps=6, seed=0):
    """Cross-entropy of a fixed synthetic batch before each of a few Adam steps."""
    import tensorflow as tf

    model = _build(student, None, seed)
    rng = np.random.default_rng(seed)
    x = tf.constant(rng.uniform(-1, 1, (16, 28, 28, 1)).astype("float32"))
    y = tf.constant(np.eye(10, dtype="float32")[rng.integers(0, 10, 16)])
    model(x)
    optimizer = tf.keras.optimizers.Adam(0.001)
    losses, without_gradient = [], 0
    for _ in range(steps):
        with tf.GradientTape() as tape:
            probabilities = model(x, training=True)
            loss = tf.reduce_mean(-tf.reduce_sum(y * tf.math.log(tf.clip_by_value(probabilities, 1e-7, 1.0)), axis=1))
        variables = trainable_weights(model)
        gradients = tape.gradient(loss, variables)
        pairs = [(g, v) for g, v in zip(gradients, variables) if g is not None]
        without_gradient = max(without_gradient, len(variables) - len(pairs))
        if pairs:
            optimizer.apply_gradients(pairs)
        losses.append(float(loss))
    return {"losses": np.array(losses, dtype=np.float64), "variables": len(trainable_weights(model)),
            "without_gradient": without_gradient, "call_is_tf_function": call_is_tf_function(model)}
