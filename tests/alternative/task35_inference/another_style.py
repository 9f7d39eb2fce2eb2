# Edsger's version: NumPy preprocessing and model.predict.
import numpy as np


def predict_digit(model, image):
    batch = (np.asarray(image, dtype=np.float32)[np.newaxis, ...] - 127.5) / 127.5
    probabilities = model.predict(batch, verbose=0)
    return int(np.argmax(probabilities, axis=-1)[0])
