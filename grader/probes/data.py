"""Synthetic data that looks like MNIST to student code (no download is possible here).

Images are uint8 ``(28, 28, 1)`` with int64 labels, as TensorFlow Datasets yields them.
Each image carries its own index so that a probe can recognise an element after any
affine normalisation: pixel 0 is 0, pixel 1 is 255, pixels 2 and 3 hold the index.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from tensorflow.core.framework.graph_pb2 import GraphDef
from tensorflow.python.data.ops.dataset_ops import DatasetV2
from tensorflow.python.framework.tensor_util import MakeNdarray as _tensor_to_array

MARK_LOW, MARK_HIGH, INDEX_HIGH, INDEX_LOW = 0, 1, 2, 3


def mnist_like_arrays(count: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``count`` tagged uint8 images (28, 28, 1) and int64 labels 0-9."""
    if count > 256 * 256:
        raise ValueError("at most 65,536 tagged images")
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(count, 28 * 28), dtype=np.uint8)
    index = np.arange(count)
    images[:, MARK_LOW] = 0
    images[:, MARK_HIGH] = 255
    images[:, INDEX_HIGH] = index // 256
    images[:, INDEX_LOW] = index % 256
    labels = rng.integers(0, 10, size=count).astype(np.int64)
    return images.reshape(count, 28, 28, 1), labels


def counted_dataset(images: np.ndarray, labels: np.ndarray) -> tuple[Any, Any]:
    """A dataset of (image, label) and a variable counting how many elements were read."""
    import tensorflow as tf

    reads = tf.Variable(0, dtype=tf.int64, trainable=False)

    def count(image, label):
        with tf.control_dependencies([reads.assign_add(1)]):
            return tf.identity(image), tf.identity(label)

    dataset = tf.data.Dataset.from_tensor_slices((images, labels)).map(count)
    return dataset, reads


def decode_indices(flat_images: np.ndarray) -> np.ndarray:
    """Recover each element's index from its marker pixels; -1 where that is impossible."""
    flat = flat_images.reshape(len(flat_images), -1).astype(np.float64)
    if flat.shape[1] <= INDEX_LOW:
        return np.full(len(flat), -1)
    low, high = flat[:, MARK_LOW], flat[:, MARK_HIGH]
    span = high - low
    with np.errstate(divide="ignore", invalid="ignore"):
        scaled = (flat[:, [INDEX_HIGH, INDEX_LOW]] - low[:, None]) / span[:, None] * 255.0
    valid = np.isfinite(scaled).all(axis=1) & (np.abs(span) > 1e-9)
    digits = np.rint(np.where(np.isfinite(scaled), scaled, -1)).astype(np.int64)
    index = digits[:, 0] * 256 + digits[:, 1]
    return np.where(valid & (digits >= 0).all(axis=1) & (digits < 256).all(axis=1), index, -1)


_serialized_graph = DatasetV2._as_serialized_graph  # TensorFlow's own, taken before any submission
_graph_from_bytes = GraphDef.FromString
# Ops that set options or wrap the pipeline without transforming its elements.
_NOT_A_STEP = frozenset({"OptionsDataset", "ModelDataset", "MaxIntraOpParallelismDataset",
                         "PrivateThreadPoolDataset"})


def pipeline_steps(dataset: Any) -> list[dict[str, Any]]:
    """The steps of a dataset's graph, source first: each op's name and its constant arguments.

    Read from the graph TensorFlow serialises for the dataset (so a pipeline built inside a
    ``tf.function``, which comes back as a variant dataset, reads like any other), following
    each step's first input back to the source.
    """
    graph = _graph_from_bytes(_serialized_graph(dataset).numpy())
    nodes = {node.name: node for node in graph.node}
    result = next((node for node in graph.node if node.op == "_Retval"), None)
    steps, name = [], result.input[0] if result is not None and result.input else None
    while name in nodes:
        node = nodes[name.split(":")[0]]
        if "Dataset" in node.op and node.op not in _NOT_A_STEP:
            steps.append({"op": node.op, "constants": [_constant(nodes.get(arg.split(":")[0]))
                                                       for arg in node.input[1:]]})
        name = node.input[0].split(":")[0] if node.input else None
    return steps[::-1]


def _constant(node: Any) -> float | None:
    """The scalar value of a Const node (e.g. a buffer size), else None."""
    if node is None or node.op != "Const":
        return None
    try:
        value = _tensor_to_array(node.attr["value"].tensor)
    except (KeyError, TypeError, ValueError):  # a resource or variant constant: not a number
        return None
    return float(value) if value.size == 1 and value.dtype.kind in "biuf" else None


def teacher_classification(count: int, features: int = 784, classes: int = 10,
                           seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Float32 inputs and one-hot targets from a fixed linear teacher: learnable quickly."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(count, features)).astype(np.float32)
    teacher = np.random.default_rng(1234).normal(size=(features, classes))
    labels = np.argmax(x @ teacher, axis=1)
    return x, np.eye(classes, dtype=np.float32)[labels]
