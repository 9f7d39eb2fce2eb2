"""Task 39 probes: the student's receptive_field on stacks chosen by the checks."""

import numbers

from grader.worker.loader import ContractError


def receptive_fields(student, stacks):
    """``receptive_field`` of every stack (a list of [kernel_size, stride] pairs), in order.

    Each stack is passed as a fresh list of (kernel_size, stride) tuples. Returns per
    stack the value (a number, or None when it is not one) and its type name.
    """
    results = []
    for stack in stacks:
        layers = [(int(kernel), int(stride)) for kernel, stride in stack]
        value = student.receptive_field(layers)
        kind = type(value).__name__
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            if hasattr(value, "item") and getattr(value, "size", 0) == 1:
                value = value.item()  # a 0-d array or one-element tensor
            else:
                raise ContractError(f"receptive_field must return a number, but returned {kind}")
        is_integer = isinstance(value, numbers.Integral) and not isinstance(value, bool)
        results.append({"value": int(value) if is_integer else float(value), "type": kind,
                        "integer": is_integer})
    return results
