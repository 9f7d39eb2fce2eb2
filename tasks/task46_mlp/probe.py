"""Task 46 probes: is the MLP a non-linear function of its input, layer by layer?

Without activations, Dense(20), Dense(30), Dense(50) and the output Dense compose to
one affine map, and the softmax's log-probabilities are then affine in the input up to
a per-example constant. The probe measures this on inputs and reports how far each
quantity is from an affine function of its input (0 = exactly affine):

- the whole model, on points of a random 8-dimensional affine subspace of the input space;
- every hidden layer: the input of hidden Dense layer i is replaced by chosen points
  (an 8-dimensional subspace, components of standard deviation 3, so that any usual
  activation leaves its nearly linear range) and the input of the next Dense layer is
  recorded. Activations written as layers, as the ``activation`` argument or as
  ``tf.nn.relu`` inside ``call`` all count, since only Dense inputs are observed.
"""

import numpy as np

from grader.probes import forward_with_pooling, seeded_keras_object, trainability_report
from grader.probes.called_layers import model_identity
from grader.probes.tapped_layers import affine_residual


def _build(student, num_classes=None, seed=0):
    return seeded_keras_object(student.build_mlp, "build_mlp", seed, num_classes=num_classes)


def build(student, num_classes=None, seed=0):
    """The output of the model on a seeded (2, 784) batch, and what the model really is."""
    model = _build(student, num_classes, seed)
    x = np.random.default_rng(seed).uniform(-1, 1, (2, 784)).astype("float32")
    return {"output": np.asarray(model(x)), **model_identity(model)}


def trainability(student, seed=0):
    """Whether every variable of a fresh ``build_mlp()`` trains, called as training calls it."""
    x = np.random.default_rng(seed).uniform(-1, 1, (8, 784)).astype("float32")
    return trainability_report(lambda: _build(student, None, seed), x)


def _subspace_points(rng, count, width, dims, scale):
    t = rng.uniform(-1, 1, (count, dims))
    directions = rng.normal(size=(dims, width)) * (scale / np.sqrt(dims / 3.0))
    return t, (t @ directions).astype("float32")


def nonlinearity(student, count=256, dims=8, seed=0):
    """Affine-fit residuals of the whole model and of every hidden Dense layer's stage."""
    model = _build(student, None, seed)
    rng = np.random.default_rng(seed)
    t, offsets = _subspace_points(rng, count, 784, dims, 1.0)
    x = rng.uniform(-1, 1, (1, 784)).astype("float32") + offsets
    output, calls = forward_with_pooling(model, x)
    dense = [call for call in calls if call["kind"] == "Dense"]
    positive = bool(np.all(output > 0)) and bool(np.all(np.isfinite(output)))
    if positive:  # log p = logits - logsumexp(logits): centring removes the per-example constant
        target = np.log(output.astype(np.float64))
        target = target - target.mean(axis=1, keepdims=True)
    else:
        target = output.astype(np.float64)
    stages = []
    for current, following in zip(dense, dense[1:]):
        width = current["input_shape"][-1]
        chosen_t, chosen = _subspace_points(rng, count, width, dims, 3.0)
        _, substituted = forward_with_pooling(model, x, keep_values=frozenset({"Dense"}),
                                        substitute={current["layer"]: chosen})
        nxt = next((call for call in substituted if call["layer"] == following["layer"]), None)
        stages.append(None if nxt is None else affine_residual(chosen_t, nxt["input"]))
    return {
        "dense_units": [int(call["config"].get("units", -1)) for call in dense],
        "dense_activations": [call["activation"] for call in dense],
        "output_residual": affine_residual(t, target),
        "output_measured": "centred log-probabilities" if positive else "raw outputs",
        "stage_residuals": stages,
    }
