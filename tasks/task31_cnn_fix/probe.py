"""Task 31 probes: the repaired "CNN fail I" network, observed during real forward passes.

The layers are recorded in the order the model calls them (grader.probes.tapped_layers),
so Sequential, functional and subclassed models describe alike; pooling written as
``tf.nn.max_pool2d`` in ``call`` is recorded in its place (grader.probes.pooling_ops), and a
Dense layer that reads the maps laid out flat (``tf.reshape`` in ``call``) is marked.

Tasks 37 and 43 read the same module and are served by this probe (``pooling_layers``).
"""

import numpy as np

from grader.probes import (POOLING_KINDS, forward_keeping_values, forward_with_pooling, seeded_keras_object,
                           trainability_report)
from grader.probes.called_layers import flattens, model_identity
from grader.probes.tracked import trainable_weights
from grader.probes.training import first_call_outside_traces


def _build(student, num_classes=None, seed=0):
    return seeded_keras_object(student.build_model, "build_model", seed, num_classes=num_classes)


def _images(seed, batch):
    return np.random.default_rng(seed).uniform(-1, 1, (batch, 28, 28, 1)).astype("float32")


def architecture(student, num_classes=None, seed=0):
    """Output on a (2, 28, 28, 1) batch and every layer call: kind, config, shapes."""
    model = _build(student, num_classes, seed)
    output, calls = forward_keeping_values(model, _images(seed, 2))
    for before, call in zip([None, *calls], calls):
        call["reads_flattened"] = before is not None and call["kind"] == "Dense" and flattens(
            before["output"], call["input"])
    for call in calls:
        call.pop("input", None), call.pop("output", None)
    return {"output": output, "calls": calls, **model_identity(model)}


def pooling_layers(student, seed=0):
    """The model's output on a (2, 28, 28, 1) batch and every pooling call in call order (tasks 37, 43)."""
    output, calls = forward_with_pooling(_build(student, None, seed), _images(seed, 2))
    pools = [{"kind": call["kind"], "pool_size": call["config"].get("pool_size"),
              "strides": call["config"].get("strides"), "padding": call["config"].get("padding"),
              "input_shape": call["input_shape"], "output_shape": call["output_shape"],
              "written": call.get("written")}
             for call in calls if call["kind"] in POOLING_KINDS]
    return {"output": output, "pools": pools, "layer_count": len(calls)}


def trainability(student, seed=0):
    """Whether every variable of a fresh ``build_model()`` trains, called as training calls it."""
    return trainability_report(lambda: _build(student, None, seed), _images(seed, 8))


def training_losses(student, steps=6, seed=0):
    """Cross-entropy of a fixed synthetic batch before each of a few Adam steps.

    The model's first call runs outside any trace: whether its weights train at all is the
    trainability check's to say.
    """
    import tensorflow as tf

    model = _build(student, None, seed)
    rng = np.random.default_rng(seed)
    x = tf.constant(rng.uniform(-1, 1, (16, 28, 28, 1)).astype("float32"))
    y = tf.constant(np.eye(10, dtype="float32")[rng.integers(0, 10, 16)])
    first_call_outside_traces(model, x)
    optimizer = tf.keras.optimizers.Adam(0.001)
    losses = []
    for _ in range(steps):
        with tf.GradientTape() as tape:
            probabilities = model(x, training=True)
            loss = tf.reduce_mean(-tf.reduce_sum(y * tf.math.log(tf.clip_by_value(probabilities, 1e-7, 1.0)), axis=1))
        variables = trainable_weights(model)
        pairs = [(g, v) for g, v in zip(tape.gradient(loss, variables), variables) if g is not None]
        if pairs:
            optimizer.apply_gradients(pairs)
        losses.append(float(loss))
    return {"losses": np.array(losses, dtype=np.float64), "variables": len(trainable_weights(model))}
