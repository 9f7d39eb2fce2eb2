"""tfgrader: a pytest-based autograder for "Implementing Artificial Neural Networks with TensorFlow"."""

__version__ = "0.1.0"
