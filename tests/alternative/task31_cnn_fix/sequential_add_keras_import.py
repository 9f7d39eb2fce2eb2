# Lea: `import keras`, an empty Sequential filled with model.add(...) in a loop,
# keras.layers.Input first, MaxPooling2D(pool_size=(2, 2), strides=(2, 2)) and a
# separate Softmax() layer.
import keras


def build_model(num_classes=10):
    model = keras.Sequential()
    model.add(keras.layers.Input(shape=(28, 28, 1)))
    for block, filters in enumerate([(2, 4), (8, 16), (32, 64)]):
        for f in filters:
            model.add(keras.layers.Conv2D(f, (3, 3), padding="same", activation="relu"))
        if block < 2:
            model.add(keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(num_classes))
    model.add(keras.layers.Softmax())
    return model
