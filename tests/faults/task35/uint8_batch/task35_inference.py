import numpy as np


def predict_digit(model, image):
    batch = image.reshape(1, 28, 28, 1)
    return int(np.argmax(model(batch)))
