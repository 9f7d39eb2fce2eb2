"""Task 22: one AdaGrad step and one RMSprop step in NumPy, as Keras computes them.

AdaGrad divides each parameter's step by the square root of the SUM of all its past
squared gradients, so its effective learning rate only shrinks (its main issue);
RMSprop uses a decaying AVERAGE instead, so the rate can recover. Neither uses momentum.
"""

import numpy as np


def adagrad_update(param, grad, accumulator, learning_rate=0.01, epsilon=1e-7):
    accumulator = accumulator + grad ** 2
    param = param - learning_rate * grad / np.sqrt(accumulator + epsilon)
    return param, accumulator


def rmsprop_update(param, grad, mean_square, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    mean_square = rho * mean_square + (1.0 - rho) * grad ** 2
    param = param - learning_rate * grad / np.sqrt(mean_square + epsilon)
    return param, mean_square
