# Lena: the rules written for one weight at a time, looping over np.ndindex, with the
# results collected in new arrays (nothing the caller passed is changed).
import math

import numpy as np


def adagrad_update(param, grad, accumulator, learning_rate=0.01, epsilon=1e-7):
    new_param = np.empty(np.shape(param))
    new_acc = np.empty(np.shape(param))
    for i in np.ndindex(new_param.shape):
        new_acc[i] = accumulator[i] + grad[i] * grad[i]
        new_param[i] = param[i] - learning_rate * grad[i] / (math.sqrt(new_acc[i]) + epsilon)
    return new_param, new_acc


def rmsprop_update(param, grad, mean_square, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    new_param = np.empty(np.shape(param))
    new_ms = np.empty(np.shape(param))
    for i in np.ndindex(new_param.shape):
        new_ms[i] = rho * mean_square[i] + (1 - rho) * grad[i] ** 2
        new_param[i] = param[i] - learning_rate * grad[i] / (math.sqrt(new_ms[i]) + epsilon)
    return new_param, new_ms
