"""Task 6 probes: run the student's NumPy MLP on grader-chosen parameters and record it.

Every probe builds ``MLP(sizes, seed)``, assigns seeded parameters of its own (in the
student's layout), and returns those parameters, the data and what the student's code
computed. The trusted checks recompute forward pass, loss and gradients with NumPy.
"""

import numpy as np

from grader.probes.numpy_nets import (assign_params, classification_batch, describe_output,
                                      params_as_data, random_layers, read_gradients, read_params,
                                      scalar_output)


def _model(student, sizes, seed, scale=1.0):
    model = student.MLP(list(sizes), seed=seed)
    layers = random_layers(list(sizes), seed, scale)
    assign_params(model, layers)
    return model, read_params(model)


def structure(student, sizes=(4, 5, 3), seed=0):
    """The parameters a freshly constructed MLP holds (no assignment)."""
    model = student.MLP(list(sizes), seed=seed)
    return {"sizes": list(sizes), **params_as_data(read_params(model))}


def forward(student, sizes=(4, 5, 3), batch=6, seed=0, output_scale=1.0, output_shift=0.0):
    """forward(x) on seeded parameters; the output layer's weights are multiplied by
    ``output_scale`` and ``output_shift`` is added to its biases (large logits)."""
    model = student.MLP(list(sizes), seed=seed)
    layers = random_layers(list(sizes), seed)
    weights, bias = layers[-1]
    layers[-1] = (weights * output_scale, bias + output_shift)
    assign_params(model, layers)
    layers = read_params(model)
    x, _ = classification_batch(batch, sizes[0], sizes[-1], seed)
    with np.errstate(all="ignore"):
        output = describe_output(model.forward(x))
    return {"x": x, **params_as_data(layers), "probs": output}


def gradients(student, sizes=(4, 5, 3), batch=7, seed=0, repeat=1):
    """backward(x, targets) on seeded parameters; ``repeat`` stacks the batch that many times."""
    model, layers = _model(student, sizes, seed)
    x, targets = classification_batch(batch, sizes[0], sizes[-1], seed)
    x, targets = np.tile(x, (repeat, 1)), np.tile(targets, (repeat, 1))
    model.forward(x)  # the usual order; backward must not depend on it, but may
    returned = model.backward(x, targets)
    return {"x": x, "targets": targets, **params_as_data(layers),
            **read_gradients(returned, layers)}


def one_step(student, sizes=(4, 5, 3), batch=7, seed=0, learning_rate=0.001):
    """step(x, targets, learning_rate) on seeded parameters: returned loss, params before/after."""
    model, layers = _model(student, sizes, seed)
    x, targets = classification_batch(batch, sizes[0], sizes[-1], seed)
    returned = scalar_output(model.step(x, targets, learning_rate))
    after = read_params(model)
    data_after = params_as_data(after)
    return {"x": x, "targets": targets, "learning_rate": learning_rate, **params_as_data(layers),
            "W_after": data_after["W"], "b_after": data_after["b"], "returned": returned}


def training(student, sizes=(6, 12, 3), count=60, steps=80, learning_rate=1.0, seed=0):
    """``steps`` full-batch steps on a small learnable problem: losses returned, params before/after."""
    model, layers = _model(student, sizes, seed)
    rng = np.random.default_rng(seed + 7)
    x = rng.normal(size=(count, sizes[0]))
    teacher = rng.normal(size=(sizes[0], sizes[-1]))
    targets = np.eye(sizes[-1])[np.argmax(x @ teacher, axis=1)]
    losses = []
    with np.errstate(all="ignore"):
        for _ in range(steps):
            losses.append(scalar_output(model.step(x, targets, learning_rate))["value"])
    after = params_as_data(read_params(model))
    return {"x": x, "targets": targets, **params_as_data(layers), "W_after": after["W"],
            "b_after": after["b"], "losses": [np.nan if v is None else v for v in losses]}
