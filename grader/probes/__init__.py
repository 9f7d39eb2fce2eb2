"""The probe library: what a task's ``probe.py`` may use beside the student's code.

A probe imports from here (``from grader.probes import ContractError, expect_model``) or
from the measuring modules below (``grader.probes.values``, ``genuine``, ``tracked``,
``models``, ``called_layers``, ``numpy_nets``, ``data``, ``training``, ``conv_blocks``...),
never from ``grader.worker``: the worker's internals are not a probe's business
(tests/test_boundary.py enforces it). The worker imports every module here before any
submission, once, after TensorFlow (grader/worker/zygote.py).
"""

from grader.probes.contract import (ContractError, error_text, exception_text, expect_dataset,
                                    expect_keras_object, expect_layer, expect_model, seeded_keras_object)
from grader.probes.pooling_ops import forward_keeping_values, forward_with_pooling
from grader.probes.tapped_layers import POOLING_KINDS
from grader.probes.trainability import seeded_trainability, trainability_report
from grader.probes.training import seeded_train_step_report

__all__ = [
    # the contract: what student code must return, and the error that says it did not
    "ContractError", "expect_model", "expect_keras_object", "expect_layer", "expect_dataset",
    "seeded_keras_object",
    # a student's exception as one line of data
    "exception_text", "error_text",
    # pooling as TensorFlow computes it, in a Keras layer or in call
    "POOLING_KINDS", "forward_with_pooling", "forward_keeping_values",
    # every variable trains; train_step without the Keras 3 trap
    "trainability_report", "seeded_trainability", "seeded_train_step_report",
]
