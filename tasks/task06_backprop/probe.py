"""Task 6 probes: run the student's NumPy MLP on grader-chosen parameters and record it.

Most probes build ``MLP(sizes, seed)``, assign seeded parameters of their own (in the
student's layout) and return those parameters, the data and what the student's code
computed; the trusted checks recompute forward pass, loss and gradients with NumPy.
The ``own_*`` probes never touch ``params``: what they measure (shapes, probabilities,
a finite loss) holds for the student's own initialisation, so they run even when
``params`` cannot be read.
"""

import numpy as np

from grader.probes.numpy_nets import (LAYOUT_WORDS, REQUIRED_LAYOUT, assign_params, classification_batch,
                                      describe_output, params_as_data, params_layout,
                                      random_layers, read_gradients, read_params, scalar_output)
from grader.probes import ContractError


def _model(student, sizes, seed, scale=1.0):
    model = student.MLP(list(sizes), seed=seed)
    assign_params(model, random_layers(list(sizes), seed, scale))
    return model, read_params(model, list(sizes))


def _shapes_only(sizes):
    """Zero layers that only tell read_gradients the shapes to expect."""
    return [(np.zeros((n_in, n_out)), np.zeros(n_out)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def structure(student, sizes=(4, 5, 3), seed=0):
    """The layout of the parameters a freshly constructed MLP holds (no assignment)."""
    model = student.MLP(list(sizes), seed=seed)
    layout = params_layout(model, list(sizes))
    problem = None
    if layout is None:
        try:
            read_params(model, list(sizes))
        except ContractError as exc:
            problem = str(exc)
    return {"sizes": list(sizes), "layout": layout, "words": LAYOUT_WORDS.get(layout),
            "required": REQUIRED_LAYOUT, "problem": problem}


def own_forward(student, sizes=(4, 5, 3), batch=6, seed=0):
    """forward(x) with the MLP's own initial parameters."""
    model = student.MLP(list(sizes), seed=seed)
    x, _ = classification_batch(batch, sizes[0], sizes[-1], seed)
    with np.errstate(all="ignore"):
        return {"probs": describe_output(model.forward(x))}


def own_step(student, sizes=(4, 5, 3), batch=7, seed=0, learning_rate=0.001):
    """step(x, targets, learning_rate) with the MLP's own initial parameters: what it returns."""
    model = student.MLP(list(sizes), seed=seed)
    x, targets = classification_batch(batch, sizes[0], sizes[-1], seed)
    return {"returned": scalar_output(model.step(x, targets, learning_rate))}


def forward(student, sizes=(4, 5, 3), batch=6, seed=0, output_scale=1.0, output_shift=0.0):
    """forward(x) on seeded parameters; the output layer's weights are multiplied by
    ``output_scale`` and ``output_shift`` is added to its biases (large logits)."""
    model = student.MLP(list(sizes), seed=seed)
    layers = random_layers(list(sizes), seed)
    weights, bias = layers[-1]
    layers[-1] = (weights * output_scale, bias + output_shift)
    assign_params(model, layers)
    layers = read_params(model, list(sizes))
    x, _ = classification_batch(batch, sizes[0], sizes[-1], seed)
    with np.errstate(all="ignore"):
        output = describe_output(model.forward(x))
    return {"x": x, **params_as_data(layers), "probs": output}


def gradients(student, sizes=(4, 5, 3), batch=7, seed=0, repeat=1, own=False):
    """backward(x, targets) on seeded parameters (``own``: the MLP's own, never read);
    ``repeat`` stacks the batch that many times."""
    sizes = list(sizes)
    if own:
        model = student.MLP(sizes, seed=seed)
        layers, shown = _shapes_only(sizes), {}
    else:
        model, layers = _model(student, sizes, seed)
        shown = params_as_data(layers)
    x, targets = classification_batch(batch, sizes[0], sizes[-1], seed)
    x, targets = np.tile(x, (repeat, 1)), np.tile(targets, (repeat, 1))
    model.forward(x)  # the usual order; backward must not depend on it, but may
    returned = model.backward(x, targets)
    return {"x": x, "targets": targets, **shown,
            **read_gradients(returned, layers, layout=params_layout(model, sizes))}


def one_step(student, sizes=(4, 5, 3), batch=7, seed=0, learning_rate=0.001):
    """step(x, targets, learning_rate) on seeded parameters: returned loss, params before and
    after, and the gradients backward returns for the same parameters (on another copy)."""
    sizes = list(sizes)
    x, targets = classification_batch(batch, sizes[0], sizes[-1], seed)
    model, layers = _model(student, sizes, seed)
    own_gradients = read_gradients(model.backward(x, targets), layers,
                                   layout=params_layout(model, sizes))
    model, layers = _model(student, sizes, seed)
    returned = scalar_output(model.step(x, targets, learning_rate))
    after = params_as_data(read_params(model, sizes))
    return {"x": x, "targets": targets, "learning_rate": learning_rate, **params_as_data(layers),
            "W_after": after["W"], "b_after": after["b"], "returned": returned,
            "backward_dW": own_gradients["dW"], "backward_db": own_gradients["db"]}


def training(student, sizes=(6, 12, 3), count=30, steps=200, learning_rate=0.2, seed=0):
    """``steps`` full-batch steps on a small learnable problem: the losses step returned and,
    when ``params`` can be read, the parameters before and after (seeded ones assigned)."""
    sizes = list(sizes)
    model = student.MLP(sizes, seed=seed)
    readable = params_layout(model, sizes) is not None
    if readable:
        model, layers = _model(student, sizes, seed)
    rng = np.random.default_rng(seed + 7)
    x = rng.normal(size=(count, sizes[0]))
    teacher = rng.normal(size=(sizes[0], sizes[-1]))
    targets = np.eye(sizes[-1])[np.argmax(x @ teacher, axis=1)]
    losses = []
    with np.errstate(all="ignore"):
        for _ in range(steps):
            losses.append(scalar_output(model.step(x, targets, learning_rate))["number"])
    report = {"x": x, "targets": targets, "readable": readable,
              "losses": [np.nan if v is None else v for v in losses]}
    if readable:
        after = params_as_data(read_params(model, sizes))
        report.update(params_as_data(layers), W_after=after["W"], b_after=after["b"])
    return report
