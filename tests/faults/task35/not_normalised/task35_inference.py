import numpy as np


def predict_digit(model, image):
    x = np.expand_dims(image.astype(np.float32), axis=0)
    prediction = model.predict(x, verbose=0)
    return int(np.argmax(prediction[0]))
