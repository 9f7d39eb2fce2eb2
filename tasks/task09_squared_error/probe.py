"""Task 9 probes: mse and mse_gradient when the same errors are repeated for more samples."""

import numpy as np

from grader.probes.numpy_nets import describe_output, scalar_output


def sample_counts(student, repeats=(1, 2, 10), seed=0):
    """The same three per-sample errors tiled k times: mse and mse_gradient for every k."""
    rng = np.random.default_rng(seed)
    targets = rng.normal(size=3)
    predictions = targets + np.array([1.0, -2.0, 0.5])
    results = []
    for count in repeats:
        t, p = np.tile(targets, count), np.tile(predictions, count)
        results.append({"repeat": count, "samples": int(t.size),
                        "loss": scalar_output(student.mse(t, p)),
                        "gradient": describe_output(student.mse_gradient(t, p))})
    return {"targets": targets, "predictions": predictions, "results": results}
