"""Task 29 probes: the CNN that ``build_cnn`` returns, as it is really called."""

import numpy as np

from grader.probes import expect_keras_object, trainability_report
from grader.probes.called_layers import called_layers, model_identity


def _images(seed=0, batch=2):
    return np.random.default_rng(seed).uniform(-1, 1, (batch, 28, 28, 1)).astype("float32")


def describe(student):
    """Layers in call order (activations folded in), output shapes, parameter counts."""
    model = expect_keras_object(student.build_cnn(), "build_cnn()")
    return {**model_identity(model), **called_layers(model, _images())}


def trainability(student):
    """Whether every variable of a fresh ``build_cnn()`` trains, called as training calls it."""
    return trainability_report(lambda: expect_keras_object(student.build_cnn(), "build_cnn()"),
                               _images(batch=8))
