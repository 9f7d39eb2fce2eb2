"""Trusted checks shared by the model tasks: what came back must really be a Keras Model."""

from __future__ import annotations

from grader.testing.errors import not_judged
from grader.testing.observations import array
from grader.testing.probabilities import assert_probabilities


def assert_is_model(observation: dict, producer: str) -> None:
    """Fail, naming it, when ``producer`` returned a Keras layer that is not a Model."""
    assert observation["is_model"], (
        f"{producer} returned {observation['model_class']}, a Keras layer but not a "
        "tf.keras.Model, which the task asks for: subclass tf.keras.Model (or build a "
        "Sequential or functional model). A Model is a layer that can also be compiled, "
        "trained with fit, evaluated and saved.")


def judged_only_if_built(result: dict, judging: str, because: str) -> dict:
    """``result`` of a model that builds; otherwise the calling check is not judged."""
    if result["error"] is not None:
        not_judged(f"{judging} could not be judged: the model does not build on the task's "
                   "input (see the check that it builds).", because=because)
    return result


def check_classifier_output(observation: dict, producer: str, wrong_shape: str, classes: int = 10) -> None:
    """The classifier contract: (2, classes) probabilities for 2 images, from a Keras Model.

    ``wrong_shape`` is the feedback for another shape, with the field {shape}.
    """
    output = array(observation["output"])
    assert output.shape == (2, classes), wrong_shape.format(shape=output.shape)
    assert_probabilities(output)
    assert_is_model(observation, producer)
