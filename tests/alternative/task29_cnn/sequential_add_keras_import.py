# Noah: `import keras` instead of tf.keras, an empty Sequential filled with model.add(...),
# keras.layers.Input as its first entry, MaxPool2D(pool_size=2, strides=2) and a separate
# Softmax() layer after the last Dense.
import keras


def build_cnn():
    model = keras.Sequential()
    model.add(keras.layers.Input(shape=(28, 28, 1)))
    model.add(keras.layers.Conv2D(8, kernel_size=(3, 3), padding="same", activation="relu"))
    model.add(keras.layers.MaxPool2D(pool_size=2, strides=2))
    model.add(keras.layers.Conv2D(16, kernel_size=(3, 3), padding="same", activation="relu"))
    model.add(keras.layers.MaxPool2D(pool_size=2, strides=2))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(10))
    model.add(keras.layers.Softmax())
    return model
