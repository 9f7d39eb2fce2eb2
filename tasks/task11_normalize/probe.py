"""Task 11 probes: feed ``normalize`` uint8 inputs of several shapes, as arrays and tensors.

Every case is run on its own and its exception (if any) is returned as data, so one
failing input kind (e.g. tensors) does not hide what the function does with the others.
Whether the result is a tensor and its dtype are measured from its real type
(grader.probes.genuine, grader.probes.values), never read from what the object claims.
"""

import numpy as np
from tensorflow.python.framework.ops import EagerTensor

from grader.probes.genuine import is_exactly, type_label
from grader.probes.values import described_type, measured_dtype
from grader.probes import exception_text


def _inputs(seed):
    import tensorflow as tf

    rng = np.random.default_rng(seed)
    every = np.arange(256, dtype=np.uint8)
    image = rng.integers(0, 256, size=(28, 28, 1), dtype=np.uint8)
    image[0, 0, 0], image[0, 1, 0] = 0, 255
    batch = rng.integers(0, 256, size=(4, 28, 28, 1), dtype=np.uint8)
    cube = rng.integers(0, 256, size=(2, 3, 5), dtype=np.uint8)
    return {
        "every_value_array": (every, False),
        "image_array": (image, False),
        "batch_array": (batch, False),
        "cube_array": (cube, False),
        "every_value_tensor": (every, True),
        "batch_tensor": (batch, True),
        "cube_tensor": (cube, True),
    }, tf


def normalize_cases(student, seed=0):
    """For each input: the type, dtype and shape of what ``normalize`` returned, and its values."""
    cases, tf = _inputs(seed)
    report = {}
    for name, (values, as_tensor) in cases.items():
        given = tf.constant(values) if as_tensor else values.copy()
        entry = {"input": values.copy(), "input_kind": "tf.Tensor" if as_tensor else "np.ndarray",
                 "error": None, "type": None, "kind": None, "is_tensor": False, "dtype": None,
                 "shape": None, "output": None}
        try:
            result = student.normalize(given)
        except Exception as exc:  # noqa: BLE001 - reported per input kind to the checks
            entry["error"] = exception_text(exc)
            report[name] = entry
            continue
        entry.update(type=type_label(result), kind=described_type(result),
                     is_tensor=is_exactly(result, EagerTensor),
                     dtype=measured_dtype(result))
        try:
            output = np.array(result, dtype=np.float64)
            entry["shape"] = list(output.shape)
            entry["output"] = output
        except Exception:  # noqa: BLE001 - not array-like: the checks say so
            pass
        report[name] = entry
    return report
