"""Task 54 probes: does `step` compute every delta with the weights from before the update?

Two networks get the same seeded parameters: one runs `backward` (which only computes
gradients, from the current weights), the other runs `step`. The trusted checks compare
the weight change of every layer with -learning_rate x the gradients `backward`
returned; with a large learning rate, deltas computed from already-updated weights of
the layer above change the lower layers' updates clearly.
"""

import numpy as np

from grader.probes.numpy_nets import (assign_params, classification_batch, params_as_data,
                                      params_layout, random_layers, read_gradients, read_params,
                                      scalar_output)


def _model(student, sizes, seed):
    model = student.MLP(list(sizes), seed=seed)
    assign_params(model, random_layers(list(sizes), seed))
    return model, read_params(model, list(sizes))


def step_against_backward(student, sizes=(5, 6, 6, 4), batch=8, learning_rate=5.0, seed=0):
    """backward on one copy, step on another, both from the same parameters and batch."""
    x, targets = classification_batch(batch, sizes[0], sizes[-1], seed)
    model, layers = _model(student, sizes, seed)
    model.forward(x)  # the usual order; backward must not depend on it, but may
    returned = model.backward(x, targets)
    after_backward = read_params(model, list(sizes))
    backward_changed = [bool(not np.array_equal(a[0], b[0]) or not np.array_equal(a[1], b[1]))
                        for a, b in zip(layers, after_backward)]
    gradients = read_gradients(returned, layers, layout=params_layout(model, list(sizes)))
    model, _ = _model(student, sizes, seed)
    with np.errstate(all="ignore"):
        loss = scalar_output(model.step(x, targets, learning_rate))
    after = params_as_data(read_params(model, list(sizes)))
    return {"x": x, "targets": targets, "learning_rate": learning_rate, **params_as_data(layers),
            **gradients, "W_after": after["W"], "b_after": after["b"], "returned": loss,
            "backward_changed_params": backward_changed}
