"""Task 55 probes: how the Classifier's BatchNormalization layers behave.

Measures the distinct BatchNormalization instances, their moving statistics before and
after one train_step, and whether inference output for an image depends on its batch.
The model's first call runs outside any trace: the Keras 3 trap is the trainability
check's to name, so these measure the rest of the code as if it were not there.
"""

import numpy as np

from grader.probes import exception_text, seeded_train_step_report, seeded_trainability
from grader.probes.genuine import is_exactly
from grader.probes.tracked import sublayers
from grader.probes.training import first_call_outside_traces
from grader.probes.values import measured_number


def _batch(seed, count=32):
    rng = np.random.default_rng(seed)
    x = (rng.normal(size=(count, 784)) * 3 + 1).astype(np.float32)  # far from N(0, 1) on purpose
    return x, np.eye(10, dtype=np.float32)[rng.integers(0, 10, size=count)]


def _bn_layers(model):
    import tensorflow as tf

    return [layer for layer in sublayers(model) if is_exactly(layer, tf.keras.layers.BatchNormalization)]


def _moving_statistics(layers):
    return [np.concatenate([np.asarray(layer.moving_mean).ravel(), np.asarray(layer.moving_variance).ravel()])
            for layer in layers]


def trainability(student, seed=0):
    """Whether every variable of a fresh ``Classifier()`` trains, called as training calls it."""
    return seeded_trainability(student.Classifier, _batch(seed)[0], seed)


def train_step_report(student, seed=0):
    """Two train_step calls on a model built outside any trace: errors, warnings, moved variables."""
    return seeded_train_step_report(student.Classifier, _batch(seed), seed)


def batchnorm_behaviour(student, seed=0):
    """One model, built outside any trace: its outputs, BatchNormalization instances,
    inference batch independence, and the moving statistics around one train_step."""
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    model = student.Classifier()
    x, y = _batch(seed)
    first_call_outside_traces(model, tf.constant(x))
    outputs = np.asarray(model(tf.constant(x)))
    layers = _bn_layers(model)
    report = {"output": outputs, "bn_count": len(layers),
              "bn_sizes": [int(np.prod(layer.moving_mean.shape)) for layer in layers]}
    report.update(_inference_independence(model, x))
    before = _moving_statistics(layers)
    try:
        report["loss"] = measured_number(model.train_step(tf.constant(x), tf.constant(y)))
        report["step_error"] = None
    except Exception as exc:  # noqa: BLE001 - explained by the checks
        report["step_error"] = exception_text(exc)
        return report
    after = _moving_statistics(layers)
    report["moving_changed"] = [bool(not np.array_equal(b, a)) for b, a in zip(before, after)]
    return report


def _inference_independence(model, x):
    """Outputs for the first 8 images, alone and inside two different batches."""
    import tensorflow as tf

    other = np.random.default_rng(99).normal(size=(24, 784)).astype(np.float32) * 5 - 2
    alone = np.asarray(model(tf.constant(x[:8]), training=False))
    mixed = np.asarray(model(tf.constant(np.concatenate([x[:8], other])), training=False))[:8]
    default = np.asarray(model(tf.constant(np.concatenate([x[:8], other]))))[:8]
    return {"inference_alone": alone, "inference_mixed": mixed, "inference_default": default}
