"""Task 12 probes: draw from ``generate_data`` and iterate ``make_dataset``, always bounded.

The quiz's generator loops forever (``while True``): every read here stops after
``num_samples + EXTRA`` elements, so an endless generator shows up as "too many
elements" instead of a timeout. What the items, the dataset and its spec are is measured
from their real types (grader.probes.genuine): a dtype or shape attribute, an
``element_spec`` or ``__iter__`` a dataset subclass overrides, is never believed.
"""

import itertools
import re
import types

import numpy as np

from grader.probes import ContractError, exception_text, expect_dataset
from grader.probes.genuine import class_label, genuine_base, is_exactly, type_label
from grader.probes.values import described_type, measured_array, measured_dtype, read_array

EXTRA = 10


def generator_report(student, num_samples=50, seed=0):
    """What ``generate_data(num_samples)`` yields: how many items, their shapes, dtypes and values."""
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    produced = student.generate_data(num_samples)
    try:
        iterator = iter(produced)
    except TypeError:
        raise ContractError("generate_data(num_samples) must return a generator (a function "
                            f"with `yield`), but it returned {described_type(produced)}") from None
    items = list(itertools.islice(iterator, num_samples + EXTRA))
    report = {"is_generator": is_exactly(produced, types.GeneratorType), "count": len(items),
              "limit": num_samples + EXTRA, "num_samples": num_samples}
    report.update(_describe_items(items))
    return report


def dataset_report(student, num_samples=50, seed=0, use_default=False):
    """``make_dataset``: element spec, whether from_generator built it, and what iterating gives."""
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    calls = []
    with _watching_from_generator(calls):
        dataset = student.make_dataset() if use_default else student.make_dataset(num_samples=num_samples)
    expect_dataset(dataset, "make_dataset")
    limit = (1000 if use_default else num_samples) + EXTRA
    tensorflow_class = genuine_base(type(dataset))  # its methods, never a subclass's overrides
    report = {"spec": _describe_spec(tensorflow_class.element_spec.fget(dataset)),
              "from_generator_calls": calls, "has_generator_op": _has_generator_op(dataset),
              "limit": limit, "iteration_error": None}
    items = []
    try:
        for element in itertools.islice(tensorflow_class.__iter__(dataset), limit):
            items.append(element)
    except Exception as exc:  # noqa: BLE001 - e.g. the structure does not match the signature
        report["iteration_error"] = _short_error(exception_text(exc, limit=2000))
    report["count"] = len(items)
    report.update(_describe_items([_first_component(item) for item in items]))
    return report


def _has_generator_op(dataset):
    """Whether the dataset's graph runs a Python generator (however from_generator was reached)."""
    try:
        graph = genuine_base(type(dataset))._as_serialized_graph(dataset)
        return b"GeneratorDataset" in measured_array(graph).item()
    except Exception:  # noqa: BLE001 - a dataset that cannot be serialised: unknown
        return None


def _short_error(text):
    """TensorFlow's message without its op prefix and without the dump of the yielded array."""
    text = re.sub(r"\{\{function_node [^}]*\}\}\s*", "", text)
    cut = text.find(", but the yielded element was")
    if cut >= 0:
        text = text[:cut] + ", but the generator yielded an element of another structure."
    return text[:400]


class _watching_from_generator:
    """Record each call of tf.data.Dataset.from_generator while the student builds the dataset."""

    def __init__(self, calls):
        self.calls = calls

    def __enter__(self):
        import tensorflow as tf

        self.owner = tf.data.Dataset
        self.original = self.owner.__dict__["from_generator"]
        function = self.original.__func__ if isinstance(self.original, staticmethod) else self.original
        calls = self.calls

        def from_generator(*args, **kwargs):
            signature = kwargs.get("output_signature")
            calls.append({"output_signature": None if signature is None else _describe_spec(signature),
                          "output_types": None if kwargs.get("output_types") is None
                          else str(kwargs.get("output_types"))})
            return function(*args, **kwargs)

        setattr(self.owner, "from_generator", staticmethod(from_generator))
        return self

    def __exit__(self, *exc_info):
        setattr(self.owner, "from_generator", self.original)
        return False


def _describe_spec(spec):
    import tensorflow as tf

    if is_exactly(spec, tf.TensorSpec):
        return {"kind": "TensorSpec", "dtype": spec.dtype.name,
                "shape": None if spec.shape.rank is None else [d for d in spec.shape.as_list()]}
    if is_exactly(spec, tuple) or is_exactly(spec, list):
        return {"kind": type(spec).__name__, "length": len(spec),
                "parts": [_describe_spec(part) for part in spec]}
    if is_exactly(spec, dict):
        return {"kind": "dict", "keys": sorted(str(key) for key in spec)}
    return {"kind": class_label(type(spec))}


def _first_component(element):
    while isinstance(element, (tuple, list)) and element:
        element = element[0]
    return element


def _describe_items(items):
    arrays = [read_array(item) for item in items]  # values, never a `shape` attribute
    arrays = [np.zeros(()) if array is None else array for array in arrays]
    shapes = sorted({tuple(int(d) for d in array.shape) for array in arrays})
    dtypes = sorted({measured_dtype(item) or type_label(item) for item in items})
    values = [array.astype(np.float64) for array in arrays if array.shape == (28, 28, 1)]
    report = {"shapes": [list(shape) for shape in shapes], "dtypes": dtypes,
              "well_shaped": len(values), "mean": None, "std": None, "min": None, "max": None,
              "integral_fraction": None, "distinct_items": 0}
    if values:
        stacked = np.stack(values)
        report.update({"mean": float(stacked.mean()), "std": float(stacked.std()),
                       "min": float(stacked.min()), "max": float(stacked.max()),
                       "integral_fraction": float(np.mean(stacked == np.round(stacked))),
                       "distinct_items": int(len(np.unique(stacked.reshape(len(stacked), -1), axis=0)))})
    return report
