"""Task 22 probes: run the student's update rules step by step, and Keras' optimizers beside them.

The checks choose the starting point, the gradients and the hyperparameters (passed in
as plain lists and numbers); the probe only runs both sides and reports the trajectories.
Keras' defaults differ from the contract's (Adagrad: learning rate 0.001, accumulator
starting at 0.1), so Keras always gets the hyperparameters and the initial state
explicitly.
"""

import numpy as np

from grader.probes.genuine import inherits
from grader.probes.values import described_type
from grader.probes import ContractError

STATE_NAMES = {"adagrad": "accumulator", "rmsprop": "mean_square"}


def run_updates(student, rule, param, grads, state, hyperparameters=None, keras_hyperparameters=None):
    """The student's trajectory from (param, state) over ``grads``; Keras' when asked for.

    ``hyperparameters`` are passed to the student's function as keywords (None: rely on
    its defaults). ``keras_hyperparameters`` (None: no Keras run) configure Keras'
    optimizer, which needs a uniform initial ``state`` (a number).
    """
    if rule not in STATE_NAMES:
        raise ValueError(f"unknown rule {rule!r}")
    param = np.asarray(param, dtype=np.float64)
    grads = np.asarray(grads, dtype=np.float64)
    start = np.broadcast_to(np.asarray(state, dtype=np.float64), param.shape).copy()
    function = student.adagrad_update if rule == "adagrad" else student.rmsprop_update
    params, states = _student_trajectory(function, rule, param, grads, start, hyperparameters or {})
    report = {"student_params": params, "student_states": states,
              "keras_params": None, "keras_states": None}
    if keras_hyperparameters is not None:
        report["keras_params"], report["keras_states"] = _keras_trajectory(
            rule, param, grads, float(np.asarray(state)), keras_hyperparameters)
    return report


def _student_trajectory(function, rule, param, grads, state, hyperparameters):
    name = "adagrad_update" if rule == "adagrad" else "rmsprop_update"
    params, states = [], []
    for grad in grads:
        result = function(param.copy(), grad.copy(), state.copy(), **hyperparameters)
        if not inherits(result, (tuple, list)) or len(result) != 2:
            raise ContractError(f"{name} must return a pair (param, {STATE_NAMES[rule]}), but "
                                f"returned {described_type(result)}")
        try:
            param, state = (np.array(part, dtype=np.float64) for part in result)
        except (TypeError, ValueError):
            raise ContractError(f"{name} must return two numeric arrays (param, "
                                f"{STATE_NAMES[rule]})") from None
        for what, value in (("param", param), (STATE_NAMES[rule], state)):
            if value.shape != grad.shape:
                raise ContractError(f"{name} returned a {what} of shape {value.shape}; "
                                    f"expected the parameter's shape {grad.shape}")
        params.append(param)
        states.append(state)
    return np.stack(params), np.stack(states)


def _keras_trajectory(rule, param, grads, state, hyperparameters):
    import tensorflow as tf

    variable = tf.Variable(param.astype(np.float32))
    if rule == "adagrad":
        optimizer = tf.keras.optimizers.Adagrad(
            learning_rate=hyperparameters["learning_rate"], initial_accumulator_value=state,
            epsilon=hyperparameters["epsilon"])
    else:
        if state != 0:
            raise ValueError("Keras' RMSprop starts from a mean square of zero")
        optimizer = tf.keras.optimizers.RMSprop(
            learning_rate=hyperparameters["learning_rate"], rho=hyperparameters["rho"],
            epsilon=hyperparameters["epsilon"], momentum=0.0, centered=False)
    optimizer.build([variable])
    slots = [v for v in optimizer.variables if tuple(v.shape) == param.shape]
    if len(slots) != 1:
        raise RuntimeError(f"expected one slot variable in Keras' {rule}, found {len(slots)}")
    params, states = [], []
    for grad in grads:
        optimizer.apply_gradients([(tf.constant(grad.astype(np.float32)), variable)])
        params.append(np.array(variable.numpy(), dtype=np.float64))
        states.append(np.array(slots[0].numpy(), dtype=np.float64))
    return np.stack(params), np.stack(states)
