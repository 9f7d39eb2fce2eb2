"""Task 53, public checks: the architecture of build_model()."""

import numpy as np
import pytest


@pytest.mark.points(1)
def test_architecture(probe):
    """Dense(64, relu) then Dense(10, softmax) on (784,) input"""
    described = probe.architecture()
    layers = described["layers"]
    summary = [(layer["kind"], layer["config"].get("units"), layer["activation"]) for layer in layers]
    assert summary == [("Dense", 64, "relu"), ("Dense", 10, "softmax")], (
        f"The layers are {summary}; the task asks for Dense(64, activation='relu') followed by "
        "Dense(10, activation='softmax').")
    output = described["output"]
    assert output.shape == (2, 10) and np.allclose(output.sum(axis=1), 1, atol=1e-4), (
        "For a batch of 2 inputs of shape (784,) the model must return (2, 10) class probabilities.")


@pytest.mark.points(1)
def test_parameter_count(probe):
    """The model has 50,890 parameters"""
    total = probe.architecture()["total_params"]
    assert total == 50890, (
        f"The model has {total:,} parameters; Dense 64 on 784 inputs plus Dense 10 has "
        "784 x 64 + 64 + 64 x 10 + 10 = 50,890.")
