"""NumPy reference ops the trusted checks recompute convolutional blocks with (Tasks 40, 42, 44).

The probes return a block's kernels and output; the checks recompute what a correct (or
a typically wrong) block would return from those kernels and compare. One definition of
each op keeps the three tasks' arithmetic identical. NumPy only: trusted test files never
import TensorFlow.
"""

from __future__ import annotations

import numpy as np

ATOL = 1e-4


def relu(values: np.ndarray) -> np.ndarray:
    return np.maximum(values, 0.0)


def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int, int]:
    """Output size and (before, after) padding of TensorFlow's 'same' padding on one axis."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return out, total // 2, total - total // 2


def conv2d(x: np.ndarray, conv: dict) -> np.ndarray:
    """A Keras Conv2D (linear part, bias included) in NumPy: 'same'/'valid' padding, strides."""
    kernel = np.asarray(conv["kernel"], dtype=np.float64)
    kh, kw, _, cout = kernel.shape
    sh, sw = conv["strides"]
    _, h, w, _ = x.shape
    if conv["padding"] == "same":
        (oh, top, bottom), (ow, left, right) = same_padding(h, kh, sh), same_padding(w, kw, sw)
        x = np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)))
    else:
        oh, ow = (h - kh) // sh + 1, (w - kw) // sw + 1
    out = np.zeros((x.shape[0], oh, ow, cout))
    for i in range(kh):
        for j in range(kw):
            patch = x[:, i:i + (oh - 1) * sh + 1:sh, j:j + (ow - 1) * sw + 1:sw, :]
            out += np.einsum("bhwc,co->bhwo", patch, kernel[i, j])
    return out + np.asarray(conv["bias"], dtype=np.float64)


def close(output: np.ndarray, expected: np.ndarray, atol: float = ATOL) -> bool:
    """Equal shapes and values within float32 rounding of the block's arithmetic."""
    return output.shape == expected.shape and np.allclose(output, expected, atol=atol, rtol=atol)


def largest_difference(output: np.ndarray, expected: np.ndarray) -> str:
    """Where ``output`` strays most from ``expected``, so feedback can point at one value."""
    if output.shape != expected.shape:
        return f"the output has shape {output.shape}, the recomputation {expected.shape}"
    gaps = np.abs(np.asarray(output, dtype=np.float64) - expected)
    index = np.unravel_index(np.argmax(np.where(np.isnan(gaps), np.inf, gaps)), gaps.shape)
    where = ", ".join(str(int(i)) for i in index)
    return (f"the largest difference is at index [{where}]: expected {float(expected[index]):.4g}, "
            f"got {float(output[index]):.4g}")


def assert_close(output: np.ndarray, expected: np.ndarray, where: str, atol: float = ATOL) -> None:
    """Fail, naming the index and the two values that differ most, unless ``close``."""
    assert close(output, expected, atol), f"{where}: {largest_difference(output, expected)}."
