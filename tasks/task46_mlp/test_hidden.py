"""Task 46, hidden checks: the MLP is non-linear, as a whole and in every hidden layer.

The probe measures on inputs how far each quantity is from an affine function (relative
least-squares residual; 0 = exactly affine). float32 arithmetic leaves below 1e-6 on a
linear network or layer; ReLU, tanh, sigmoid, ELU, GELU, LeakyReLU or hard sigmoid leave
more than 0.1 (measured on these probes).
"""

import pytest

from grader.testing import not_judged

LINEAR = 1e-3  # residuals below this are an affine map up to float32 rounding
UNITS = [20, 30, 50]


@pytest.mark.points(1)
def test_hidden_layer_sizes(probe):
    """Hidden Dense layers of 20, 30 and 50 units, then the output Dense layer"""
    units = probe.nonlinearity()["dense_units"]
    assert units[:-1] == UNITS and len(units) == 4, (
        f"The model calls Dense layers with {units} units; the quiz's model has hidden Dense "
        "layers of 20, 30 and 50 units followed by Dense(num_classes).")


@pytest.mark.points(2)
def test_network_is_not_linear(probe):
    """The model is not one linear map of its input (measured on inputs)"""
    report = probe.nonlinearity()
    residual = report["output_residual"]
    assert not is_linear(residual), (
        f"The model's {report['output_measured']} are an affine function of the input "
        f"(relative residual of a linear fit: {residual:.1e}): the Dense layers without "
        "activations collapse into one linear map, W4(W3(W2(W1 x + b1) + b2) + b3) + b4 = "
        "W x + b, so the network is no better than a single Dense layer (multinomial "
        "logistic regression). This is the quiz's fault: give every hidden Dense layer a "
        "non-linear activation, e.g. activation='relu', and make sure it is really applied "
        "in the forward pass.")


def is_linear(residual):
    return not (residual == residual and residual > LINEAR)


@pytest.mark.points(1)
def test_every_hidden_layer_is_nonlinear(probe):
    """Every hidden layer applies a non-linear activation (measured on inputs)"""
    report = probe.nonlinearity()
    if is_linear(report["output_residual"]):
        not_judged("Whether every hidden layer is non-linear could not be judged: the whole "
                   "network is linear (see the check that the network is not linear).",
                   because="test_network_is_not_linear")
    units = report["dense_units"]
    linear = [(index, residual) for index, residual in enumerate(report["stage_residuals"])
              if residual is None or is_linear(residual)]
    if not linear:
        return
    names = [f"{index + 1} (Dense with {units[index]} units)" for index, _ in linear]
    which = (f"Hidden layer {names[0]} is" if len(names) == 1
             else f"Hidden layers {', '.join(names[:-1])} and {names[-1]} are")
    residuals = ", ".join("not measurable" if r is None else f"{r:.1e}" for _, r in linear)
    raise AssertionError(
        f"{which} linear: fed with inputs of our choosing, the input of the next Dense layer "
        f"is an affine function of the layer's input (relative residual {residuals}). Two "
        "Dense layers without an activation between them collapse into one linear map, so "
        "such a layer adds nothing. Give every hidden layer a non-linear activation, e.g. "
        "Dense(..., activation='relu').")
