"""Task 53 probes: how alike the hidden units are, at initialisation and after a few SGD steps.

A hidden unit j is described by everything attached to it: its incoming weights
(column j of the hidden kernel), its bias, and its outgoing weights (row j of the
output kernel). Two units with equal descriptions compute the same function and get the
same gradient, so they stay equal forever: the symmetry that zero (or any constant)
initialisation creates. The probe reports the pairwise distances between the units'
descriptions; the checks decide what counts as "the same".
"""

import numpy as np

from grader.probes import ContractError, expect_keras_object, trainability_report
from grader.probes.data import teacher_classification
from grader.probes.genuine import is_exactly
from grader.probes.called_layers import called_layers, model_identity
from grader.probes.models import flat_layers
from grader.probes.tracked import sublayers, trainable_weights
from grader.probes.training import first_call_outside_traces


def _build(student, seed):
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    return expect_keras_object(student.build_model(), "build_model()")


def architecture(student, seed=0):
    """Layers in call order (activations folded in), output and parameter count on (2, 784)."""
    model = _build(student, seed)
    x = np.random.default_rng(seed).uniform(-1, 1, (2, 784)).astype("float32")
    return {**model_identity(model), **called_layers(model, x)}


def trainability(student, seed=0):
    """Whether every variable of a fresh ``build_model()`` trains, called as training calls it."""
    x = np.random.default_rng(seed).uniform(-1, 1, (8, 784)).astype("float32")
    return trainability_report(lambda: _build(student, seed), x)


def symmetry(student, steps=3, learning_rate=0.1, batch=64, seed=0):
    """Pairwise distances between hidden units before and after ``steps`` SGD steps.

    The model's first call runs outside any trace: whether its weights train at all is the
    trainability check's to say.
    """
    import tensorflow as tf

    model = _build(student, seed)
    x, y = teacher_classification(batch, seed=seed)
    x = np.clip(x, -1, 1)  # inputs in [-1, 1], as normalised MNIST
    first_call_outside_traces(model, x[:2])
    hidden, output = _dense_pair(model)
    before = _units(hidden, output)
    hidden_kernel = np.array(hidden.kernel.numpy(), copy=True)
    optimizer = tf.keras.optimizers.SGD(learning_rate)
    loss_fn = tf.keras.losses.CategoricalCrossentropy()
    losses = []
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = loss_fn(y, model(x, training=True))
        variables = trainable_weights(model)
        gradients = tape.gradient(loss, variables)
        optimizer.apply_gradients([(g, v) for g, v in zip(gradients, variables) if g is not None])
        losses.append(float(loss))
    after = _units(hidden, output)
    return {"units": int(before.shape[0]),
            "distances_before": _pairwise(before), "distances_after": _pairwise(after),
            "scale_before": float(np.abs(before).max()), "scale_after": float(np.abs(after).max()),
            "hidden_kernel_change": float(np.max(np.abs(hidden.kernel.numpy() - hidden_kernel))),
            "losses": losses}


def _dense_pair(model):
    import tensorflow as tf

    dense = [layer for layer in flat_layers(model) if is_exactly(layer, tf.keras.layers.Dense)]
    if len(dense) < 2:
        dense = [layer for layer in sublayers(model) if is_exactly(layer, tf.keras.layers.Dense)]
    if len(dense) < 2:
        raise ContractError(f"build_model() must return a model with two Dense layers, found {len(dense)}")
    hidden, output = dense[0], dense[-1]
    if output.kernel.shape[0] != hidden.kernel.shape[1]:
        raise ContractError("the output Dense layer must take the hidden Dense layer's units as input")
    return hidden, output


def _units(hidden, output):
    """One row per hidden unit: incoming weights, bias, outgoing weights."""
    parts = [np.asarray(hidden.kernel.numpy(), dtype=np.float64).T]
    if hidden.bias is not None:
        parts.append(np.asarray(hidden.bias.numpy(), dtype=np.float64)[:, None])
    parts.append(np.asarray(output.kernel.numpy(), dtype=np.float64))
    return np.concatenate(parts, axis=1)


def _pairwise(units):
    """Euclidean distances between the rows (exact differences: equal units give exactly 0)."""
    return np.stack([np.linalg.norm(units - row, axis=1) for row in units])
