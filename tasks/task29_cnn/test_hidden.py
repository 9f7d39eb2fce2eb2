"""Task 29, hidden checks: architecture layer by layer, and the written answers.

Output shapes and parameter counts per layer follow from the layer kinds and the
convolution settings: when those are wrong, the per-layer checks say they could not be
judged (one fault, one check).
"""

import pytest

from grader.testing import as_int_list, as_shape_list, not_judged

KINDS = ["Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Flatten", "Dense"]
SHAPES = [[28, 28, 8], [14, 14, 8], [14, 14, 16], [7, 7, 16], [784], [10]]
PARAMS = [80, 0, 1168, 0, 0, 7850]
CONV = {"filters": [8, 16], "kernel_size": [3, 3], "padding": "same", "activation": "relu"}


def kinds(layers):
    return [layer["kind"] for layer in layers]


def convolution_faults(layers):
    """Which settings of the convolutions differ from the task's."""
    convs = [layer for layer in layers if layer["kind"] == "Conv2D"]
    faults = set()
    if [conv["config"].get("filters") for conv in convs] != CONV["filters"]:
        faults.add("filters")
    for conv in convs:
        faults |= {key for key in ("kernel_size", "padding") if conv["config"].get(key) != CONV[key]}
        if conv["activation"] != CONV["activation"]:
            faults.add("activation")
    return faults


def judged_only_if_layers_match(layers, judging):
    """Per-layer values are comparable only when the layers and their sizes are the task's."""
    if kinds(layers) != KINDS:
        not_judged(f"{judging} could not be judged: the layers differ from the task's (see the "
                   "check of layer kinds and order).", because="test_layer_kinds_in_order")
    if convolution_faults(layers) & {"filters", "kernel_size", "padding"}:
        not_judged(f"{judging} could not be judged: the convolutions' settings differ from the "
                   "task's (see the check of the convolution settings).",
                   because="test_convolution_settings")


@pytest.mark.points(3)
def test_layer_kinds_in_order(probe):
    """Layer kinds and order"""
    called = kinds(probe.describe()["layers"])
    assert called == KINDS, (
        f"The layers are {', '.join(called)}; the task asks for Conv2D, MaxPooling2D, Conv2D, "
        "MaxPooling2D, Flatten, Dense in that order.")


@pytest.mark.points(2)
def test_convolution_settings(probe):
    """Both convolutions: 8 then 16 filters, 3x3, padding 'same', ReLU"""
    faults = convolution_faults(probe.describe()["layers"])
    assert "filters" not in faults, "The convolutions need 8 and then 16 filters."
    assert "kernel_size" not in faults, "Use 3x3 kernels."
    assert "padding" not in faults, "Use padding='same' so that each convolution keeps the spatial size."
    assert "activation" not in faults, "Each convolution needs a ReLU activation."


@pytest.mark.points(1)
def test_output_shape_per_layer(probe):
    """Output shape of every layer"""
    layers = probe.describe()["layers"]
    judged_only_if_layers_match(layers, "The output shape of every layer")
    shapes = [layer["output_shape"] for layer in layers]
    assert shapes == SHAPES, f"Per-layer output shapes are {shapes}; check pooling and padding."


@pytest.mark.points(1)
def test_parameters_per_layer(probe):
    """Parameter count of every layer"""
    layers = probe.describe()["layers"]
    judged_only_if_layers_match(layers, "The parameter count of every layer")
    params = [layer["params"] for layer in layers]
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
