"""Task 41 probes: the values of ``step_decay`` and the learning rate Keras really uses in ``fit``.

``fit_rates`` trains a tiny model for many one-batch epochs with the student's scheduler
and records the optimizer's learning rate at the first batch of every epoch, i.e. after
every ``on_epoch_begin`` has run. The optimizer starts from ``start_rate``, chosen by the
checks to differ from step_decay's 0.1, so a schedule that reuses Keras' current rate
shows up from the first epoch.
"""

import numpy as np

from grader.probes import ContractError, exception_text
from grader.probes.genuine import inherits, type_label
from grader.probes.values import described_type, measured_number


def decay_values(student, epochs=None, arguments=None):
    """``step_decay(epoch, **arguments)`` for each epoch: value (or None) and type name."""
    epochs = list(range(121)) if epochs is None else [int(e) for e in epochs]
    values, types = [], []
    for epoch in epochs:
        result = student.step_decay(epoch, **(arguments or {}))
        types.append(type_label(result))  # a class named `float` is not float
        values.append(measured_number(result))
    return {"epochs": epochs, "values": values, "types": sorted(set(types))}


def scheduler_kind(student):
    """What ``make_scheduler()`` returns: its class and whether it is a LearningRateScheduler."""
    import tensorflow as tf

    scheduler = student.make_scheduler()
    return {"type": type_label(scheduler), "kind": described_type(scheduler),  # never isinstance
            "is_learning_rate_scheduler": inherits(scheduler, tf.keras.callbacks.LearningRateScheduler),
            "is_callback": inherits(scheduler, tf.keras.callbacks.Callback)}


def fit_rates(student, epochs=65, start_rate=0.05, initial_epoch=0, seed=0):
    """The learning rate in effect during each epoch of ``model.fit`` with the student's scheduler."""
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    scheduler = student.make_scheduler()
    if not inherits(scheduler, tf.keras.callbacks.Callback):
        raise ContractError("make_scheduler must return a Keras callback "
                            f"(tf.keras.callbacks.LearningRateScheduler), not {described_type(scheduler)}")
    rates, seen_epochs = [], []

    class RateRecorder(tf.keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            seen_epochs.append(int(epoch))

        def on_train_batch_begin(self, batch, logs=None):
            if batch == 0:
                rates.append(float(np.asarray(self.model.optimizer.learning_rate)))

    model = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=start_rate), loss="mse")
    x = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, -0.5]], dtype=np.float32)
    y = np.array([[1.0], [-1.0], [0.0], [1.0]], dtype=np.float32)
    data = tf.data.Dataset.from_tensors((x, y)).repeat()
    error = None
    try:
        model.fit(data, steps_per_epoch=1, epochs=epochs, initial_epoch=initial_epoch,
                  callbacks=[scheduler, RateRecorder()], shuffle=False, verbose=0)
    except Exception as exc:  # noqa: BLE001 - e.g. Keras rejects a schedule that returns a tensor
        error = exception_text(exc)
    return {"epochs": seen_epochs, "rates": rates, "start_rate": start_rate, "error": error}
