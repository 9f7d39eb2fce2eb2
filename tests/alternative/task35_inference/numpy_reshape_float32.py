# Noah: NumPy only: astype(np.float32) first, reshape to (1, 28, 28, 1), model.predict, and
# .item() on the argmax.
import numpy as np


def predict_digit(model, image):
    x = image.astype(np.float32) / 127.5 - 1.0
    x = x.reshape(1, 28, 28, 1)
    probabilities = model.predict(x, verbose=0)
    return np.argmax(probabilities[0]).item()
