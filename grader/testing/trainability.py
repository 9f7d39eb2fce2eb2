"""The shared check that every trainable variable of a model or layer trains (trusted side).

Every model and layer task runs it on the observation of
``grader.probes.trainability.trainability_report``, as ``test_every_variable_trains``.
Checks that read what the weights do (a shortcut, a projection, forward values) call
``judged_only_if_trained`` first: when the weights do not train they say so and cost
nothing, instead of blaming another fault.
"""

from __future__ import annotations

from typing import Callable

from grader.testing.errors import not_judged
from grader.testing.observations import require_no_error

TRAINS_CHECK = "test_every_variable_trains"

KERAS3_LAYER_TRAP = (
    "This is the Keras 3 trap: `call` is decorated with @tf.function, so the first call "
    "created the weights inside the traced graph, where they stay constants of every later "
    "call with that input shape: no gradient reaches them and training never changes them. "
    "Remove @tf.function from `call` (decorate the training step instead; Keras traces the "
    "model's calls inside it), or give the class a `build()` that builds its layers before "
    "the first call.")


def stuck_variables(observation: dict) -> list[str]:
    """Names of the trainable variables that get no gradient or do not change the output."""
    return [name for name, gradient, changes in zip(
        observation["variables"], observation["has_gradient"], observation["changes_output"])
        if not (gradient and changes)]


def variables_without_gradient(observation: dict) -> list[str]:
    """Names of the trainable variables that the training call gives no gradient at all."""
    return [name for name, gradient in zip(observation["variables"], observation["has_gradient"])
            if not gradient]


def check_every_variable_trains(observation: dict, what: str, inert_explained: bool = False) -> None:
    """Fail, naming the cause, unless every trainable variable of ``what`` trains.

    ``inert_explained``: another check already names why some variables that do get a
    gradient cannot move the output (a convolution's bias before a BatchNormalization
    forced into training mode is cancelled by it); only variables without a gradient
    are blamed then.
    """
    require_no_error(observation)
    assert observation["variables"], (
        f"{what} has no trainable variables after its first call, so training cannot change it.")
    stuck = variables_without_gradient(observation) if inert_explained else stuck_variables(observation)
    assert not stuck, _stuck_message(observation, what, stuck)


def _stuck_message(observation: dict, what: str, stuck: list[str]) -> str:
    names = ", ".join(stuck[:4]) + (f" and {len(stuck) - 4} more" if len(stuck) > 4 else "")
    head = (f"{len(stuck)} of {len(observation['variables'])} trainable variables of {what} "
            f"({names}) get no gradient or do not change the output, so training cannot change "
            "them.")
    if not set(variables_without_gradient(observation)) & set(stuck):
        return (f"{head} They do get a gradient, but changing them changes no output, in inference "
                "or in training mode. A bias right before a BatchNormalization that always uses "
                "batch statistics is cancelled by it: pass the `training` argument on to "
                "BatchNormalization instead of fixing training=True.")
    if is_keras3_trap(observation):
        return f"{head} {KERAS3_LAYER_TRAP}"
    return (f"{head} Use every layer you create in `call`, on the way to the output, and do not "
            "convert tensors to NumPy inside `call`.")


def is_keras3_trap(observation: dict) -> bool:
    """Whether @tf.function on `call` is why variables are stuck: run eagerly, every one trains.

    Measured by the probe (``trains_when_eager``); where the eager run could not be compared
    (it raised, or made other variables), the decorator is taken as the cause.
    """
    if not observation["call_is_tf_function"]:
        return False
    eager = observation.get("trains_when_eager")
    return eager is None or all(eager)


def weights_do_not_train(observation: dict) -> bool:
    """The trap, or weights that have no effect at all: nothing about them can be judged.

    A layer the code never uses (stuck even when `call` runs eagerly) is a fault of its own:
    what the other weights do is judged as usual.
    """
    if observation.get("error") or not observation.get("variables"):
        return False
    stuck = stuck_variables(observation)
    return bool(stuck) and (is_keras3_trap(observation) or len(stuck) == len(observation["variables"]))


def judged_only_if_trained(observation: dict, judging: str) -> None:
    """End the calling check as not judged when the weights of the object do not train."""
    if weights_do_not_train(observation):
        not_judged(f"{judging} could not be judged: the weights do not train (see the check "
                   "that every variable trains), so what they do cannot be measured.",
                   because=TRAINS_CHECK)


def check_train_step_updates_every_variable(trainability: dict, train_step_report: Callable[[], dict]) -> None:
    """Fail, naming them, unless the student's train_step changes every trainable variable.

    The report is asked for only once the weights are known to train (else: not judged).
    """
    judged_only_if_trained(trainability, "Whether train_step updates every variable")
    report = require_no_error(train_step_report())
    stuck = [name for name, moved in zip(report["variables"], report["changed"]) if not moved]
    assert report["variables"] and not stuck, (
        f"These variables never change during train_step: {', '.join(stuck)}. Take the "
        "gradients of the loss with respect to self.trainable_variables and apply all of them.")
