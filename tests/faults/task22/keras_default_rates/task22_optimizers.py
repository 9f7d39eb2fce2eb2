import numpy as np


# Keras' Adagrad default learning rate
def adagrad_update(param, grad, accumulator, learning_rate=0.001, epsilon=1e-7):
    accumulator = accumulator + grad ** 2
    return param - learning_rate * grad / np.sqrt(accumulator + epsilon), accumulator


def rmsprop_update(param, grad, mean_square, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    mean_square = rho * mean_square + (1 - rho) * grad ** 2
    return param - learning_rate * grad / np.sqrt(mean_square + epsilon), mean_square
