"""Task 39 probes: the student's receptive_field on stacks chosen by the checks."""

from grader.probes.genuine import type_label
from grader.probes.values import described_type, plain_number


def receptive_fields(student, stacks):
    """``receptive_field`` of every stack (a list of [kernel_size, stride] pairs), in order.

    Each stack is passed as a fresh list of (kernel_size, stride) tuples. Returns per
    stack the value (a number, or None when it is not one) and its type name.
    """
    results = []
    for stack in stacks:
        layers = [(int(kernel), int(stride)) for kernel, stride in stack]
        returned = student.receptive_field(layers)
        kind = type_label(returned)
        value = plain_number(returned, "receptive_field")  # never the student's own __int__
        is_integer = type(value) is int
        results.append({"value": int(value) if is_integer else float(value), "type": kind,
                        "kind": described_type(returned), "integer": is_integer})
    return results
