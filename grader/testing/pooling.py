"""Checks Tasks 37 and 43 share: both grade the pooling of task31_cnn_fix's model, one probe."""

from __future__ import annotations

from grader.testing.observations import array


def describe_pooling(pool: dict) -> str:
    """The pooling as the student wrote it: a layer, or an op such as tf.nn.max_pool2d in call."""
    if pool.get("written"):
        family = "max" if pool["kind"].startswith("Max") else "average"
        return (f"The {family} pooling in call (ksize={tuple(pool['pool_size'])}, "
                f"strides={tuple(pool['strides'])})")
    return f"{pool['kind']}(pool_size={tuple(pool['pool_size'])}, strides={tuple(pool['strides'])})"


def check_model_builds_and_runs(observation: dict) -> None:
    """The model returns one row of class scores per image: what the pooling checks measure on."""
    output = array(observation["output"])
    assert output.ndim == 2 and output.shape[0] == 2, (
        f"For a batch of 2 images of shape (28, 28, 1) the model returns shape {output.shape}; "
        "expected (2, num_classes): one row of class scores per image.")
