"""Output shapes over several configurations, in the spirit of Keras' ``run_layer_test``.

A probe runs a block (or builds a model) in each configuration and reports its
``output_shape`` or its ``error``; the check states, per configuration, the shape it expects.
"""

from __future__ import annotations

from typing import Callable, Iterable

import numpy as np

from grader.testing.observations import require_no_error

Config = dict
NUM_CLASSES_FIX = "Use the num_classes argument as the number of units of the last Dense layer instead of a fixed 10."


def shape_matches(got: list | tuple | None, expected: list | tuple) -> bool:
    """Equal length and equal sizes; an expected None stands for any size."""
    return got is not None and len(got) == len(expected) and all(
        want is None or size == want for size, want in zip(got, expected))


def check_output_shapes(configs: Iterable[Config], setting: Callable[[Config], str],
                        expected: Callable[[Config], list], mismatch: str,
                        hint: Callable[[Config], str] = lambda config: "") -> None:
    """Every configuration runs and returns the shape ``expected`` gives for it.

    ``setting(config)`` names the configuration ("ResidualBlock(8, strides=2) on ...");
    ``mismatch`` is the feedback for a wrong shape, with the fields {setting}, {got} and
    {expected}; ``hint(config)`` follows the student's error when the block raised.
    """
    for config in configs:
        advice = hint(config) if config["error"] else ""
        require_no_error(config, who=setting(config), after=f". {advice}" if advice else ".")
        want = expected(config)
        assert shape_matches(config["output_shape"], want), mismatch.format(
            setting=setting(config), got=tuple(config["output_shape"]), expected=tuple(want))


def check_num_classes(outputs: Callable[[int], np.ndarray], function: str,
                      classes: Iterable[int] = (2, 5, 17), batch: int = 2) -> None:
    """``function(num_classes=k)`` returns one row of k outputs per image, for every k tried."""
    for k in classes:
        output = outputs(k)
        assert output.shape == (batch, k), (
            f"{function}(num_classes={k}) returns outputs of shape {output.shape} for {batch} "
            f"images; expected ({batch}, {k}). {NUM_CLASSES_FIX}")
