"""The probe library measures what a student's object is, whatever the object claims.

The scenarios run in a fresh interpreter, in the worker's order: the probe library is
imported first, then "student" classes are defined (grader/worker/child.py loads the
probe before the submission). The trusted test process never imports TensorFlow.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tf_function_scenarios() -> dict:
    import gc

    import tensorflow as tf

    from grader.probes.training import (is_tf_function, largest_traced_graphs, recorded_traces,
                                        tracing_count)

    real = tf.function(lambda x: x * 2.0)
    real(tf.constant(1.0)), real(tf.constant([1.0, 2.0]))
    real.experimental_get_tracing_count = lambda: 1  # a lie on the instance

    class Claims:
        experimental_get_tracing_count = get_concrete_function = staticmethod(lambda: 1)
        __class__ = property(lambda self: type(real))

    class Subclass(type(real)):
        def experimental_get_tracing_count(self):
            return 1

    __hidden = tf.function(lambda x: tf.reduce_sum(x) + 1.0)  # noqa: N806 - a dunder-style name
    __hidden(tf.constant([1.0, 2.0, 3.0]))
    frozen = tf.function(lambda x: tf.reduce_sum(x) * 3.0)
    frozen(tf.constant([1.0]))
    gc.freeze()  # hides every object from gc.get_objects() until unfrozen
    graphs = largest_traced_graphs({id(__hidden): "__hidden", id(frozen): "frozen"})
    with recorded_traces() as traced:
        tf.function(lambda x: x - 1.0, autograph=False)(tf.constant(1.0))  # dropped at once
    return {"real_is_tf_function": is_tf_function(real), "real_traces": tracing_count(real),
            "claims_is_tf_function": is_tf_function(Claims()),
            "claims_passes_isinstance": isinstance(Claims(), type(real)),
            "subclass_is_tf_function": is_tf_function(Subclass(lambda: 1.0, "subclass")),
            "graphs": sorted(graphs), "traced_during_block": sorted(traced)}


def _type_scenarios() -> dict:
    import numpy as np
    import tensorflow as tf

    from grader.probes.genuine import inherits, is_genuine, type_label
    from grader.probes.values import measured_array, measured_dtype, measured_number, plain_number

    class float:  # noqa: A001 - named like the built-in on purpose
        def __array__(self, dtype=None, copy=None):
            return np.asarray(2.5, dtype=dtype)

    class Lying(int):
        def __int__(self):
            return 212

    class Claims:
        __class__ = property(lambda self: np.ndarray)
        dtype = np.dtype("float32")

    tensor = tf.constant([1.5, 2.5])
    tensor._numpy = lambda: np.zeros(2)  # what tensor.numpy() would now answer
    return {"labels": [type_label(1.0), type_label(np.float32(1)), type_label(tensor), type_label(float())],
            "own_float_value": measured_number(float()), "lying_int": plain_number(Lying(-1), "f"),
            "tensor_values": measured_array(tensor).tolist(), "claims_dtype": measured_dtype(Claims()),
            "claims_inherits_ndarray": inherits(Claims(), np.ndarray),
            "claims_passes_isinstance": isinstance(Claims(), np.ndarray),
            "own_class_is_genuine": is_genuine(float), "keras_dense_is_genuine": is_genuine(tf.keras.layers.Dense)}


def _keras_scenarios() -> dict:
    import numpy as np
    import tensorflow as tf

    from grader.probes.models import activation_name, layer_config, layer_kind
    from grader.probes.tracked import count_params, trainable_weights

    def relu(x):  # the identity under a Keras name
        return x

    class Conv2D(tf.keras.layers.Conv2D):
        def count_params(self):
            return 80

    class Hides(tf.keras.Model):
        def __init__(self):
            super().__init__()
            self.first, self.second = tf.keras.layers.Dense(3), tf.keras.layers.Dense(2)

        def call(self, x):
            return self.second(self.first(x))

        @property
        def trainable_variables(self):
            return self.first.trainable_variables

    conv = tf.keras.layers.Conv2D(8, 5, activation=relu)
    conv(np.zeros((1, 8, 8, 1), np.float32))
    conv.kernel_size = (3, 3)
    own = Conv2D(8, 5)
    own(np.zeros((1, 8, 8, 1), np.float32))
    model = Hides()
    model(np.zeros((1, 4), np.float32))
    return {"conv_kernel_size": layer_config(conv)["kernel_size"], "conv_activation": activation_name(conv),
            "keras_relu": activation_name(tf.keras.layers.Dense(2, activation="relu")),
            "own_kind": layer_kind(own), "own_params": count_params(own), "own_config": layer_config(own),
            "tracked_trainable": len(trainable_weights(model)), "listed_trainable": len(model.trainable_variables)}


def observe() -> dict:
    """Every scenario's measurements as JSON data (runs in the fresh interpreter)."""
    return {**_tf_function_scenarios(), **_type_scenarios(), **_keras_scenarios()}


@pytest.fixture(scope="module")
def observed() -> dict:
    code = "import json, test_probe_measurements as t; print(json.dumps(t.observe()))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")]),
           "TF_CPP_MIN_LOG_LEVEL": "3"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_tf_function_identity_is_tensorflows_type(observed):
    assert observed["real_is_tf_function"] and observed["real_traces"] == 2  # not the instance's 1
    assert observed["claims_passes_isinstance"] and not observed["claims_is_tf_function"]
    assert not observed["subclass_is_tf_function"]


def test_graphs_are_found_under_any_name_and_while_traced(observed):
    assert {"__hidden", "frozen"} <= set(observed["graphs"])
    assert observed["traced_during_block"] == ["<lambda>"]


def test_type_names_and_kinds_are_identities(observed):
    assert observed["labels"][:3] == ["float", "float32", "EagerTensor"]
    assert observed["labels"][3] == "float (a class of the submission)"
    assert observed["claims_passes_isinstance"] and not observed["claims_inherits_ndarray"]
    assert observed["claims_dtype"] is None
    assert not observed["own_class_is_genuine"] and observed["keras_dense_is_genuine"]


def test_numbers_are_read_through_base_types(observed):
    assert observed["lying_int"] == -1
    assert observed["tensor_values"] == [1.5, 2.5]
    assert observed["own_float_value"] == 2.5  # values of other objects: NumPy's conversion


def test_keras_answers_are_not_believed(observed):
    assert observed["conv_kernel_size"] == [5, 5]
    assert observed["conv_activation"] == "relu (a function of the submission)"
    assert observed["keras_relu"] == "relu"
    assert observed["own_kind"] == "Conv2D (a class of the submission)" and observed["own_config"] == {}
    assert observed["own_params"] == 5 * 5 * 8 + 8
    assert observed["tracked_trainable"] == 4 and observed["listed_trainable"] == 2
