"""Task 15 probes: train a small model for a few epochs and watch tracing and graph sizes.

The grader passes a built model and an optimizer already built for its variables, and
reuses them across epochs (a module-level tf.function may create variables only once).
"""

import numpy as np

from grader.probes.data import teacher_classification
from grader.probes.training import is_tf_function


def train_epochs(student, schedule=(100, 100, 100, 196), batch_size=32, seed=0):
    """Run one epoch per dataset size in ``schedule``; record traces, calls, losses, graphs.

    Every size leaves a final batch of 4, so later epochs need no new trace. Afterwards,
    one more direct train_step call on the same objects records the loss it returns next
    to ``loss_fn`` on the weights before that update.
    """
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    model = tf.keras.Sequential([tf.keras.Input((784,)), tf.keras.layers.Dense(16, activation="relu"),
                                 tf.keras.layers.Dense(10, activation="softmax")])
    optimizer = tf.keras.optimizers.SGD(0.1)
    optimizer.build(model.trainable_variables)
    loss_fn = tf.keras.losses.CategoricalCrossentropy()
    step = student.train_step
    report = {"step_is_function": is_tf_function(step),
              "epoch_is_function": is_tf_function(student.train_epoch), "epochs": []}
    initial = [v.numpy().copy() for v in model.trainable_variables]
    for size in schedule:
        x, y = teacher_classification(size, seed=seed)
        dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size)
        report["epochs"].append(_one_epoch(student, step, (model, optimizer, loss_fn), dataset, size, batch_size))
    report["weights_changed"] = any(not np.array_equal(a, v.numpy())
                                    for a, v in zip(initial, model.trainable_variables))
    report["step"] = _direct_step(step, model, optimizer, loss_fn, seed)
    return report


def _direct_step(step, model, optimizer, loss_fn, seed):
    import tensorflow as tf

    x, y = teacher_classification(32, seed=seed + 1)  # the full-batch signature: no new trace
    expected = float(loss_fn(y, model(x, training=True)))
    before = [v.numpy().copy() for v in model.trainable_variables]
    returned = step(model, optimizer, loss_fn, tf.constant(x), tf.constant(y))
    moved = any(not np.array_equal(a, v.numpy()) for a, v in zip(before, model.trainable_variables))
    return {"returned": _as_float(returned), "loss_before_update": expected, "weights_changed": moved}


def _one_epoch(student, step, objects, dataset, size, batch_size):
    import tensorflow as tf

    calls, step_losses = [0], []

    @tf.autograph.experimental.do_not_convert  # stay plain Python even when traced
    def counting_step(*args, **kwargs):
        calls[0] += 1
        result = step(*args, **kwargs)
        if tf.executing_eagerly():
            step_losses.append(_as_float(result))
        return result

    traces_before = _tracing_count(step)
    with student.replaced("train_step", counting_step):
        returned = student.train_epoch(*objects, dataset)
    return {"size": size, "batches": -(-size // batch_size), "calls": calls[0],
            "traces": _tracing_count(step) - traces_before if traces_before is not None else None,
            "returned_type": type(returned).__name__, "returned": _as_float(returned),
            "step_losses": step_losses, "graph_ops": _largest_graphs(student)}


def _tracing_count(function):
    getter = getattr(function, "experimental_get_tracing_count", None)
    return int(getter()) if getter else None


def _largest_graphs(student):
    """Op count of the largest traced graph of every tf.function the module defines."""
    sizes = {}
    for name, function in student.module_level(is_tf_function).items():
        lister = getattr(function, "_list_all_concrete_functions", None)
        if lister:
            sizes[name] = max((len(c.graph.get_operations()) for c in lister()), default=0)
    return sizes


def _as_float(value):
    try:
        return float(np.asarray(value, dtype=np.float64).reshape(-1)[0])
    except Exception:  # noqa: BLE001 - whatever the student returned
        return None
