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


def check_quiz_convolutions(calls: list[dict], filters: list[int], keep: str) -> list[dict]:
    """The quiz's convolutions are kept: these filter counts in this order, each 3x3 with stride 1.

    ``keep`` follows "The convolutions have [...] filters; " when the counts differ.
    Returns the Conv2D calls, for the task's own checks of them.
    """
    convs = [call for call in calls if call["kind"] == "Conv2D"]
    found = [conv["config"].get("filters") for conv in convs]
    assert found == filters, f"The convolutions have {found} filters; {keep}"
    for conv in convs:
        config = conv["config"]
        assert config.get("kernel_size") == [3, 3] and config.get("strides") == [1, 1], (
            f"A convolution has kernel_size {config.get('kernel_size')} and strides "
            f"{config.get('strides')}; the quiz's convolutions are 3x3 with stride 1.")
    return convs
