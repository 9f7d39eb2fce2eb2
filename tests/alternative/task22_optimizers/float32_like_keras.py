# Noah: float32 like Keras' variables, np.square and np.divide, and the new state named
# after the lecture slides (G for AdaGrad, E[g^2] for RMSprop).
import numpy as np


def adagrad_update(param, grad, accumulator, learning_rate=0.01, epsilon=1e-7):
    g = np.float32(grad)
    G = np.float32(accumulator) + np.square(g)
    new_param = np.float32(param) - learning_rate * np.divide(g, np.sqrt(G) + epsilon)
    return new_param, G


def rmsprop_update(param, grad, mean_square, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    g = np.float32(grad)
    Eg2 = rho * np.float32(mean_square) + (1.0 - rho) * np.square(g)
    new_param = np.float32(param) - learning_rate * g / (np.sqrt(Eg2) + epsilon)
    return new_param, Eg2
