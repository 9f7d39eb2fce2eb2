"""Task 35 scaling the image with NumPy, which gives float64: the model is handed float64."""

import numpy as np


def predict_digit(model, image):
    x = image[np.newaxis] / 127.5 - 1.0
    prediction = model.predict(x, verbose=0)
    return int(np.argmax(prediction[0]))
