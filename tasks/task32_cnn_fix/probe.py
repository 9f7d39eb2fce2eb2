"""Task 32 probes: does the "CNN fail II" network build on 32x32 images, and how do its
feature maps shrink?

The quiz's network fails while it is built (a negative or zero output size); that error
is part of the feedback, so it is caught here and returned as text.
"""

import numpy as np

from grader.probes.models import expect_model
from grader.probes.tapped_layers import traced_forward
from grader.worker.loader import exception_text


def build(student, num_classes=None, seed=0):
    """Build the model and run a (2, 32, 32, 3) batch through it, recording every layer call.

    Returns ``error`` (the text of the exception raised while building or calling, else
    None), the output, and per layer call its kind, config, activation and shapes.
    """
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    x = np.random.default_rng(seed).uniform(-1, 1, (2, 32, 32, 3)).astype("float32")
    try:
        if num_classes is None:
            model = student.build_model()
            producer = "build_model()"
        else:
            model = student.build_model(num_classes=num_classes)
            producer = f"build_model(num_classes={num_classes})"
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - the quiz's fault: explained by the checks
        return {"error": exception_text(exc), "during": "build", "output": None, "calls": []}
    model = expect_model(model, producer)
    try:
        output, calls = traced_forward(model, x)
    except Exception as exc:  # noqa: BLE001 - a lazily built model fails on its first call
        return {"error": exception_text(exc), "during": "call", "output": None, "calls": []}
    return {"error": None, "during": None, "output": output, "calls": calls}
