"""Task 22 - Optimizers: AdaGrad and RMSprop.

Answer the quiz's questions about AdaGrad and RMSprop in answers.yaml (task22; the key
`adagrad_uses_momentum` takes true or false). Here, write one update step of each
optimizer in NumPy. The caller passes the current state and gets the new state back:

    adagrad_update(param, grad, accumulator, learning_rate=0.01, epsilon=1e-7)
        -> (new_param, new_accumulator)

    rmsprop_update(param, grad, mean_square, learning_rate=0.001, rho=0.9, epsilon=1e-7)
        -> (new_param, new_mean_square)

`param`, `grad` and the state are NumPy arrays of the same shape. Use the same update
rules as Keras' `tf.keras.optimizers.Adagrad` and `tf.keras.optimizers.RMSprop` (no
momentum, not centered): the grader compares your steps with Keras' from the same
hyperparameters and initial state, step by step, within 1e-5. (Keras' own defaults
differ: its Adagrad uses learning_rate=0.001 and starts the accumulator at 0.1.)
"""

import numpy as np


def adagrad_update(param, grad, accumulator, learning_rate=0.01, epsilon=1e-7):
    raise NotImplementedError("Task 22: one AdaGrad step")


def rmsprop_update(param, grad, mean_square, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    raise NotImplementedError("Task 22: one RMSprop step")
