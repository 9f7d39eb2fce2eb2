"""Observing one training step of a student's model: which variables moved, what broke.

Used for the Keras 3 trap (TASKS.md): a subclassed model whose ``call`` is a
``tf.function``, called from a ``tf.function`` ``train_step``, may leave variables
without gradients ("Gradients do not exist for variables ...") or fail with
"No gradients provided for any variable".

Whether something is a tf.function, how often it was traced and how large its graphs
are is measured, never asked: TensorFlow's own ``Function`` type and its methods are
taken here, before the submission is imported, and called on objects whose type is
exactly that class; attributes a wrapper or the instance itself carries are never read.
"""

from __future__ import annotations

import contextlib
import gc
import warnings
from typing import Any, Iterator

import numpy as np
from tensorflow.python.eager.polymorphic_function import tracing_compilation
from tensorflow.python.eager.polymorphic_function.polymorphic_function import Function

from grader.probes.errors import exception_text
from grader.probes.tracked import trainable_weights
from grader.probes.values import measured_scalar

_tracing_count = Function.experimental_get_tracing_count
_concrete_functions = Function._list_all_concrete_functions
_create_concrete_function = tracing_compilation._create_concrete_function  # every trace ends here
_class_dict = type.__dict__["__dict__"].__get__
_class_mro = type.__dict__["__mro__"].__get__


def is_tf_function(value: Any) -> bool:
    """Whether ``value`` is a tf.function: TensorFlow's own type, not something that answers like one."""
    return type(value) is Function


def tracing_count(value: Any) -> int | None:
    """How often TensorFlow traced ``value`` (None when it is not a tf.function)."""
    return _tracing_count(value) if is_tf_function(value) else None


def alive_tf_functions() -> list[Any]:
    """Every tf.function object in the worker, whatever name, container or closure holds it.

    ``gc.freeze()`` hides objects from ``gc.get_objects()``; the grader never freezes, so
    anything frozen was frozen by the submission and is brought back first.
    """
    if gc.get_freeze_count():
        gc.unfreeze()
    return [candidate for candidate in gc.get_objects() if type(candidate) is Function]


def largest_traced_graphs(names: dict[int, str]) -> dict[str, int]:
    """Op count of the largest graph traced so far, for every tf.function alive that traced.

    ``names`` maps ``id(function)`` to the module-level name bound to it (dunder names
    included); a function without one is named by its Python function's qualified name
    (several of that name count as one: the largest graph among them).
    """
    sizes: dict[str, int] = {}
    for function in alive_tf_functions():
        if not _tracing_count(function):
            continue  # never traced (e.g. a library's unbound method): nothing to measure
        graphs = [len(concrete.graph.get_operations()) for concrete in _concrete_functions(function)]
        label = names.get(id(function)) or _function_label(function)
        sizes[label] = max([sizes.get(label, 0), *graphs])
    return sizes


@contextlib.contextmanager
def recorded_traces() -> Iterator[dict[str, int]]:
    """Op count of the largest graph traced per tf.function name while the block runs.

    Catches graphs of tf.functions that are created and dropped inside the block (no
    later scan of live objects finds those). The hook wraps the TensorFlow function
    every trace goes through, taken before the submission was imported.
    """
    sizes: dict[str, int] = {}

    def recording(function_type, type_context, func_graph, tracing_options):
        concrete = _create_concrete_function(function_type, type_context, func_graph, tracing_options)
        name = str(tracing_options.name)
        sizes[name] = max(sizes.get(name, 0), len(concrete.graph.get_operations()))
        return concrete

    tracing_compilation._create_concrete_function = recording
    try:
        yield sizes
    finally:
        tracing_compilation._create_concrete_function = _create_concrete_function


def _function_label(function: Any) -> str:
    python_function = (getattr(function, "__dict__", None) or {}).get("_python_function")
    return str(getattr(python_function, "__qualname__", None) or "a tf.function")


def call_is_tf_function(model: Any) -> bool:
    """Whether the model's ``call`` is a ``tf.function`` (on the instance, or in its class's dicts)."""
    if is_tf_function((getattr(model, "__dict__", None) or {}).get("call")):
        return True
    for klass in _class_mro(type(model)):
        if "call" in _class_dict(klass):
            return is_tf_function(_class_dict(klass)["call"])
    return False


def first_steps_report(model: Any, step: Any, x: np.ndarray, target: np.ndarray) -> dict[str, Any]:
    """Run ``step(x, target)`` twice on a model that was never called before and report.

    The first step creates the variables (where the trap strikes); the second shows
    which trainable variables actually move. Reports Keras' gradient warnings, the error
    raised (if any), the losses returned and, per variable Keras tracks (not the ones
    the model's own ``trainable_variables`` chooses to list), whether it changed.
    """
    first = _observed_step(step, x, target)
    report = {"error": first["error"], "warnings": first["warnings"], "loss": first["loss"],
              "call_is_tf_function": call_is_tf_function(model), "variables": [], "changed": []}
    if first["error"] is None:
        before = weights_snapshot(model)
        second = _observed_step(step, x, target)
        report["error"] = second["error"]
        report["warnings"] += second["warnings"]
        report["variables"] = [str(getattr(v, "path", getattr(v, "name", "?")))
                               for v in trainable_weights(model)]
        report["changed"] = changed_variables(model, before)
    return report


def _observed_step(step: Any, x: np.ndarray, target: np.ndarray) -> dict[str, Any]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            loss, error = step(x, target), None
        except Exception as exc:  # noqa: BLE001 - the student's step may raise anything
            loss, error = None, exception_text(exc)
    return {"loss": measured_scalar(loss), "error": error,
            "warnings": [str(w.message)[:400] for w in caught if "radient" in str(w.message)]}


def weights_snapshot(model: Any) -> list[np.ndarray]:
    """Copies of every trainable variable Keras tracks in ``model``."""
    return [np.array(v.numpy(), copy=True) for v in trainable_weights(model)]


def changed_variables(model: Any, before: list[np.ndarray]) -> list[bool]:
    after = weights_snapshot(model)
    return [bool(b.shape != a.shape or not np.array_equal(b, a)) for b, a in zip(before, after)]


def first_call_outside_traces(model: Any, x: Any, **kwargs: Any) -> Any:
    """Call ``model`` once with every tf.function run eagerly, so its weights exist outside any trace.

    The Keras 3 trap (weights created inside a traced ``call``) is named by the shared
    trainability check; a check of something else builds the model this way and measures
    the rest of the code as if the trap were not there (one fault, one check).
    """
    import tensorflow as tf

    eager_before = tf.config.functions_run_eagerly()
    tf.config.run_functions_eagerly(True)
    try:
        return model(x, **kwargs)
    finally:
        tf.config.run_functions_eagerly(eager_before)


def train_step_without_the_trap(model: Any, x: Any, target: Any) -> dict[str, Any]:
    """``first_steps_report`` of ``model.train_step`` on a model built outside any trace.

    The trap is the trainability check's to name; an error here is about train_step itself,
    so the report carries no ``call_is_tf_function`` hint.
    """
    first_call_outside_traces(model, x)
    report = first_steps_report(model, model.train_step, x, target)
    report.pop("call_is_tf_function")
    return report


def seeded_train_step_report(build: Any, batch: tuple[np.ndarray, np.ndarray], seed: int = 0) -> dict[str, Any]:
    """``train_step_without_the_trap`` of a model from ``build()``, every generator seeded first."""
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    model = build()
    x, target = (tf.constant(array) for array in batch)
    return train_step_without_the_trap(model, x, target)
