"""Task 15 probes: train a small model for a few epochs and watch tracing and graph sizes.

The grader passes a built model and an optimizer already built for its variables, and
reuses them across epochs (a module-level tf.function may create variables only once).
Everything is measured (grader.probes.training): tf.function identity by TensorFlow's own
type, traces by its own counter, graph sizes over every tf.function alive, the loss by
evaluating the model; nothing the student's objects say about themselves is believed.
"""

import numpy as np

from grader.probes.data import teacher_classification
from grader.probes.genuine import type_label
from grader.probes.training import is_tf_function, largest_traced_graphs, recorded_traces, tracing_count
from grader.probes.values import described_type, measured_number


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
        epoch = _one_epoch(student, step, (model, optimizer, loss_fn), dataset, size, batch_size)
        epoch["measured_loss"] = float(loss_fn(y, model(x, training=False)))
        report["epochs"].append(epoch)
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
    return {"returned": measured_number(returned), "loss_before_update": expected, "weights_changed": moved}


def _one_epoch(student, step, objects, dataset, size, batch_size):
    import tensorflow as tf

    calls, calls_in_graph, step_losses = [0], [0], []

    @tf.autograph.experimental.do_not_convert  # stay plain Python even when traced
    def counting_step(*args, **kwargs):
        calls[0] += 1
        calls_in_graph[0] += not tf.executing_eagerly()  # called while another function traces
        result = step(*args, **kwargs)
        loss = measured_number(result) if tf.executing_eagerly() else None
        if loss is not None:
            step_losses.append(loss)
        return result

    traces_before = tracing_count(step)
    with recorded_traces() as traced, student.replaced("train_step", counting_step):
        returned = student.train_epoch(*objects, dataset)
    traces_after = tracing_count(step)
    return {"size": size, "batches": -(-size // batch_size), "calls": calls[0],
            "calls_in_graph": calls_in_graph[0],
            "traces": None if traces_before is None else traces_after - traces_before,
            "returned_type": type_label(returned), "returned_kind": described_type(returned),
            "returned": measured_number(returned),
            "step_losses": step_losses, "graph_ops": _largest_graphs(student, traced)}


def _largest_graphs(student, traced):
    """Largest graph of every tf.function alive (named as the module binds it) or traced this epoch."""
    names = {id(function): name for name, function in student.module_level(is_tf_function).items()}
    sizes = largest_traced_graphs(names)
    for name, ops in traced.items():
        sizes[name] = max(sizes.get(name, 0), ops)
    return sizes
