"""The one rule for "the outputs are probabilities": finite, non-negative, each row summing to 1."""

from __future__ import annotations

import numpy as np

SOFTMAX_FIX = "give the last Dense layer a softmax activation."


def probability_fault(output: np.ndarray, per: str = "image", atol: float = 1e-4) -> str | None:
    """What keeps ``output`` (one row per example) from being probabilities, or None.

    The sum is tested before the sign: logits fail both, and "do not sum to 1" is the
    cause every softmax-less model shows.
    """
    values = np.asarray(output, dtype=np.float64)
    if not np.all(np.isfinite(values)):
        return "they contain NaN or infinity"
    if not np.allclose(values.sum(axis=-1), 1, atol=atol):
        return f"they do not sum to 1 per {per}"
    if values.min() < 0:
        return f"some are negative, down to {values.min():.3g}"
    return None


def assert_probabilities(output: np.ndarray, where: str = "The outputs", fix: str = SOFTMAX_FIX,
                         per: str = "image", atol: float = 1e-4) -> None:
    """Fail, naming the cause and ``fix``, unless every row of ``output`` is a probability distribution."""
    fault = probability_fault(output, per, atol)
    assert fault is None, f"{where} are not probabilities ({fault}): {fix}"
