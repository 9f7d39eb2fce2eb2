"""Task 29, hidden checks: architecture layer by layer, and the written answers."""

import pytest

from grader.testing import as_int_list, as_shape_list

KINDS = ["Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Flatten", "Dense"]
SHAPES = [[28, 28, 8], [14, 14, 8], [14, 14, 16], [7, 7, 16], [784], [10]]
PARAMS = [80, 0, 1168, 0, 0, 7850]


@pytest.mark.points(2)
def test_layer_kinds_in_order(probe):
    """Layer kinds and order"""
    kinds = [layer["kind"] for layer in probe.describe()["layers"]]
    assert kinds == KINDS, (
        f"The layers are {', '.join(kinds)}; the task asks for Conv2D, MaxPooling2D, Conv2D, "
        "MaxPooling2D, Flatten, Dense in that order.")


@pytest.mark.points(2)
def test_convolution_settings(probe):
    """Both convolutions: 8 then 16 filters, 3x3, padding 'same', ReLU"""
    convs = [layer for layer in probe.describe()["layers"] if layer["kind"] == "Conv2D"]
    assert [conv["config"]["filters"] for conv in convs] == [8, 16], (
        "The convolutions need 8 and then 16 filters.")
    for conv in convs:
        assert conv["config"]["kernel_size"] == [3, 3], "Use 3x3 kernels."
        assert conv["config"]["padding"] == "same", (
            "Use padding='same' so that each convolution keeps the spatial size.")
        assert conv["activation"] == "relu", "Each convolution needs a ReLU activation."


@pytest.mark.points(2)
def test_output_shape_per_layer(probe):
    """Output shape of every layer"""
    shapes = [layer["output_shape"] for layer in probe.describe()["layers"]]
    assert shapes == SHAPES, f"Per-layer output shapes are {shapes}; check pooling and padding."


@pytest.mark.points(2)
def test_parameters_per_layer(probe):
    """Parameter count of every layer"""
    params = [layer["params"] for layer in probe.describe()["layers"]]
    assert params == PARAMS, f"Per-layer parameter counts are {params}; they do not match the task."


@pytest.mark.points(2)
def test_answer_parameters_per_layer(answers):
    """answers.yaml: task29.params_per_layer"""
    given = as_int_list(answers["params_per_layer"])
    assert len(given) == 6, f"List one count per layer (6 layers), got {len(given)}."
    assert given == PARAMS, (
        "Some parameter counts are off. A Conv2D layer has (kernel height x kernel width x "
        "input channels + 1) x filters parameters; pooling and flattening have none.")


@pytest.mark.points(2)
def test_answer_output_shapes(answers):
    """answers.yaml: task29.output_shapes"""
    given = as_shape_list(answers["output_shapes"])
    assert len(given) == 6, f"List one shape per layer (6 layers), got {len(given)}."
    assert given == SHAPES, (
        "Some output shapes are off. 'same' padding keeps height and width; each 2x2 "
        "max-pooling halves them; Flatten multiplies all dimensions.")
