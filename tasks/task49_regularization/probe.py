"""Task 49 probes: what one SGD step does to the regularised Conv2D kernel.

Everything needed to predict the step is measured here (kernel, data-loss gradient,
regularizer factor); the trusted checks do the arithmetic and the comparison. The model's
first call runs outside any trace (the Keras 3 trap is the trainability check's to name),
and a Conv2D kernel without a regularizer gets L2(0.01) attached here, so that whether
train_step adds the regularization losses is measured whatever the layer declares.
"""

import numpy as np

from grader.probes import ContractError, exception_text, seeded_train_step_report, seeded_trainability
from grader.probes.called_layers import called_layers
from grader.probes.genuine import genuine_base, is_exactly
from grader.probes.tracked import regularization_losses, sublayers
from grader.probes.training import first_call_outside_traces
from grader.probes.values import measured_number


def _batch(seed, count=16):
    rng = np.random.default_rng(seed)
    images = rng.uniform(-1, 1, size=(count, 28, 28, 1)).astype(np.float32)
    targets = np.eye(10, dtype=np.float32)[rng.integers(0, 10, size=count)]
    return images, targets


def trainability(student, seed=0):
    """Whether every variable of a fresh ``Classifier()`` trains, called as training calls it."""
    return seeded_trainability(student.Classifier, _batch(seed)[0], seed)


def train_step_report(student, seed=0):
    """Two train_step calls on a model built outside any trace: errors, warnings, moved variables."""
    return seeded_train_step_report(student.Classifier, _batch(seed), seed)


def decay_step(student, learning_rate=1.0, seed=0):
    """One step on a built model: its layers, kernel before/after, data-loss gradient, losses."""
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    model = student.Classifier(learning_rate=learning_rate)
    x, y = (tf.constant(a) for a in _batch(seed))
    first_call_outside_traces(model, x)
    layers = called_layers(model, x[:2])["layers"]
    conv = _regularised_conv(model)
    kernel, l2 = conv.kernel, _l2_factor(conv)
    if kernel.regularizer is None:
        kernel.regularizer = tf.keras.regularizers.L2(0.01)
    with tf.GradientTape() as tape:
        data_loss = tf.reduce_mean(model.loss_function(y, model(x, training=True)))  # a loss function may return one loss per image
    gradient = tape.gradient(data_loss, kernel)
    penalties = regularization_losses(model)  # Keras' tracking, not the model's own `losses`
    regularization = float(tf.add_n([tf.reduce_sum(p) for p in penalties])) if penalties else 0.0
    observed = {"kernel_before": np.array(kernel.numpy(), copy=True),
                "data_gradient": np.zeros(kernel.shape, np.float32) if gradient is None else np.asarray(gradient),
                "data_loss": float(data_loss), "regularization_loss": regularization,
                "l2": l2, "learning_rate": learning_rate,
                "losses_count": len(penalties),
                "step_error": None, "returned": None, "layers": layers}
    try:
        returned = model.train_step(x, y)
    except Exception as exc:  # noqa: BLE001 - reported to the checks, which explain it
        return {**observed, "step_error": exception_text(exc)}
    observed["kernel_after"] = np.array(kernel.numpy())
    observed["returned"] = measured_number(returned)
    return observed


def _regularised_conv(model):
    import tensorflow as tf

    convs = [layer for layer in sublayers(model) if is_exactly(layer, tf.keras.layers.Conv2D)]
    if not convs:
        raise ContractError("Classifier has no Conv2D layer")
    return next((conv for conv in convs if conv.kernel_regularizer is not None), convs[0])


def _l2_factor(conv):
    regularizer = conv.kernel_regularizer
    if regularizer is None:
        return None
    config = genuine_base(type(regularizer)).get_config(regularizer)
    return float(config.get("l2", config.get("l", 0.0)))
