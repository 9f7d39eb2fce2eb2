"""Task 13 probes: run ``prepare_data`` over tagged MNIST-like data and record what comes out.

Each input image carries its index (see ``grader.probes.data``), so the order of the
elements in every epoch can be read back from the output, whatever the normalisation.
The dataset is read through TensorFlow's own class (its ``element_spec`` and ``__iter__``)
and its steps from the graph TensorFlow serialises for it, never from Python class names
(a pipeline built inside a ``tf.function`` comes back as a variant dataset).
"""

import numpy as np

from grader.probes import ContractError, expect_dataset
from grader.probes.data import counted_dataset, decode_indices, mnist_like_arrays, pipeline_steps
from grader.probes.genuine import genuine_base, is_exactly


def run_pipeline(student, count=1300, batch_size=32, training=True, epochs=2, seed=0):
    """Element spec, per-epoch element order and value statistics, and source reads."""
    images, labels = mnist_like_arrays(count, seed)
    source, reads = counted_dataset(images, labels)
    dataset = student.prepare_data(source, batch_size=batch_size, training=training)
    expect_dataset(dataset, "prepare_data")
    tensorflow_class = genuine_base(type(dataset))
    spec = _describe_spec(tensorflow_class.element_spec.fget(dataset))
    runs = [_one_epoch(tensorflow_class.__iter__(dataset), labels) for _ in range(epochs)]
    return {"spec": spec, "epochs": runs, "source_reads": int(reads.numpy()), "count": count,
            "steps": _own_steps(dataset, source)}


def _describe_spec(spec):
    if not is_exactly(spec, tuple) or len(spec) != 2:
        raise ContractError("each element must be a pair (images, targets), "
                            f"but the dataset yields {spec}")
    return [{"shape": [d if d is None else int(d) for d in part.shape], "dtype": part.dtype.name}
            for part in spec]


def _one_epoch(elements, labels):
    ids, batch_sizes, label_ok, onehot_ok = [], [], [], []
    lowest, highest, marks = np.inf, -np.inf, []
    for images, targets in elements:
        images = np.asarray(images, dtype=np.float64)
        targets = np.asarray(targets, dtype=np.float64)
        flat = images.reshape(len(images), -1)
        batch_ids = decode_indices(flat)
        ids.append(batch_ids)
        batch_sizes.append(len(images))
        lowest, highest = min(lowest, flat.min()), max(highest, flat.max())
        marks.append(flat[:, :2])
        label_ok.append(_labels_match(targets, batch_ids, labels))
        onehot_ok.append(_is_one_hot(targets))
    return {"ids": np.concatenate(ids) if ids else np.zeros(0, np.int64),
            "batch_sizes": np.array(batch_sizes, dtype=np.int64),
            "label_ok": np.concatenate(label_ok) if label_ok else np.zeros(0, bool),
            "onehot_ok": np.concatenate(onehot_ok) if onehot_ok else np.zeros(0, bool),
            "min": float(lowest), "max": float(highest),
            "marks": np.concatenate(marks) if marks else np.zeros((0, 2))}


def _labels_match(targets, batch_ids, labels):
    predicted = np.argmax(targets, axis=1) if targets.ndim == 2 else targets.reshape(-1)
    known = batch_ids >= 0
    result = np.zeros(len(batch_ids), dtype=bool)
    result[known] = predicted[known] == labels[batch_ids[known]]
    return result


def _is_one_hot(targets):
    if targets.ndim != 2 or targets.shape[1] != 10:
        return np.zeros(len(targets), dtype=bool)
    return (np.isin(targets, (0.0, 1.0)).all(axis=1)) & (targets.sum(axis=1) == 1)


def _own_steps(dataset, source):
    """The op names of the steps ``prepare_data`` added after the grader's source dataset."""
    before, after = pipeline_steps(source), pipeline_steps(dataset)
    start = len(before) if after[:len(before)] == before else 0
    return [step["op"] for step in after[start:]]
