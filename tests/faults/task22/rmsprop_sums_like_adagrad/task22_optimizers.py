import numpy as np


def adagrad_update(param, grad, accumulator, learning_rate=0.01, epsilon=1e-7):
    accumulator = accumulator + grad ** 2
    return param - learning_rate * grad / np.sqrt(accumulator + epsilon), accumulator


def rmsprop_update(param, grad, mean_square, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    mean_square = mean_square + grad ** 2
    param = param - learning_rate * grad / np.sqrt(mean_square + epsilon)
    return param, mean_square
