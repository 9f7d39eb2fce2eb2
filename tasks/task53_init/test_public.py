"""Task 53, public checks: the architecture of build_model(), and that every variable trains."""

import pytest

from grader.testing import assert_probabilities
from grader.testing.models import assert_is_model
from grader.testing.trainability import check_every_variable_trains


@pytest.mark.points(1)
def test_architecture(probe):
    """A Model: Dense(64, relu) then Dense(10, softmax) on (784,) input, 50,890 parameters"""
    described = probe.architecture()
    layers = described["layers"]
    summary = [(layer["kind"], layer["config"].get("units"), layer["activation"]) for layer in layers]
    assert summary == [("Dense", 64, "relu"), ("Dense", 10, "softmax")], (
        f"The layers are {summary}; the task asks for Dense(64, activation='relu') followed by "
        "Dense(10, activation='softmax').")
    output = described["output"]
    assert output.shape == (2, 10), (
        "For a batch of 2 inputs of shape (784,) the model must return (2, 10) class probabilities.")
    assert_probabilities(output)
    total = described["total_params"]
    assert total == 50890, (
        f"The model has {total:,} parameters; Dense 64 on 784 inputs plus Dense 10 has "
        "784 x 64 + 64 + 64 x 10 + 10 = 50,890.")
    assert_is_model(described, "build_model()")


@pytest.mark.points(1)
def test_every_variable_trains(probe):
    """Every trainable variable of a freshly built model gets a gradient and changes the output"""
    check_every_variable_trains(probe.trainability(), "the model build_model() returns")
