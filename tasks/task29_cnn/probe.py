"""Task 29 probes: describe the CNN that ``build_cnn`` returns."""

from grader.probes.models import describe_layers, expect_model


def describe(student):
    """Layers, output shapes and parameter counts of ``build_cnn()`` on (28, 28, 1) input."""
    model = expect_model(student.build_cnn(), "build_cnn()")
    return describe_layers(model, (28, 28, 1))
