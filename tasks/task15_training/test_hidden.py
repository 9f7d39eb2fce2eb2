"""Task 15, hidden checks: tracing, graph size and learning."""

import pytest

from grader.testing import not_judged

NOT_A_FUNCTION = ("train_step is not a tf.function, so {what} cannot be measured (the check "
                  "'train_step is a tf.function' names this).")


@pytest.mark.points(2)
def test_epoch_loop_outside_tf_function(probe):
    """The loop over batches is plain Python and calls train_step once per batch"""
    report = probe.train_epochs()
    assert not report["epoch_is_function"], (
        "train_epoch is a tf.function: the loop over the whole dataset then runs inside one "
        "graph (the quiz's fault). Keep the epoch loop in Python and trace only the step.")
    if any(epoch["calls_in_graph"] for epoch in report["epochs"]):
        raise AssertionError(
            "train_step is called inside another tf.function: the loop over the batches runs in "
            "that function's graph, not in plain Python, and later epochs reuse the graph without "
            "calling train_step at all. Loop over the dataset in train_epoch itself and call "
            "train_step once per batch.")
    for epoch in report["epochs"]:
        assert epoch["calls"] == epoch["batches"], (
            f"For {epoch['batches']} batches, train_step was called {epoch['calls']} times: call "
            "train_step once per batch from a Python loop (and by its module-level name).")


@pytest.mark.points(1)
def test_traced_once_per_signature(probe):
    """train_step is traced once per input signature, not once per batch or epoch"""
    report = probe.train_epochs()
    if not report["step_is_function"]:
        not_judged(NOT_A_FUNCTION.format(what="how often it is traced"),
                   because="test_train_step_is_tf_function")
    epochs = report["epochs"]
    first = epochs[0]["traces"]
    assert first <= 2, (
        f"train_step was traced {first} times in the first epoch (full batches plus one partial "
        "batch need at most 2). Pass tensors, not Python numbers or new objects, so it is not retraced.")
    later = [epoch["traces"] for epoch in epochs[1:]]
    assert all(count == 0 for count in later), (
        f"train_step was traced again in later epochs ({later}): the same signature should reuse "
        "its graph.")


@pytest.mark.points(1)
def test_graph_does_not_grow(probe):
    """The traced graphs do not grow with the number of batches"""
    epochs = probe.train_epochs()["epochs"]
    short, long = epochs[0]["graph_ops"], epochs[-1]["graph_ops"]
    grown = {name: (short.get(name, 0), ops) for name, ops in long.items() if ops > short.get(name, 0)}
    assert not grown, (
        f"A traced graph grew from the {epochs[0]['batches']}-batch to the {epochs[-1]['batches']}-batch "
        f"epoch {grown}: a Python loop "
        "over batches inside a tf.function is unrolled into the graph.")


@pytest.mark.points(2)
def test_loss_decreases(probe):
    """Training changes the weights and lowers the loss"""
    report = probe.train_epochs()
    assert report["weights_changed"], (
        "The model's weights never changed: apply the gradients with optimizer.apply_gradients.")
    losses = [epoch["measured_loss"] for epoch in report["epochs"][:3]]
    assert losses[2] < losses[0], (
        "The model's loss on the training data did not decrease over three epochs on the same "
        f"data ({', '.join(f'{loss:.4f}' for loss in losses)}).")


@pytest.mark.points(1)
def test_step_returns_loss_before_update(probe):
    """train_step returns loss_fn(target, prediction) for the batch it trained on"""
    result = probe.train_epochs()["step"]
    assert result["returned"] is not None, "train_step must return the loss."
    assert abs(result["returned"] - result["loss_before_update"]) <= 1e-4, (
        f"train_step returned {result['returned']:.6f}, but loss_fn(target, model(x)) before "
        f"the update is {result['loss_before_update']:.6f}.")
