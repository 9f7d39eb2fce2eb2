# Finn: `import keras`, an empty Sequential filled with model.add(...), keras.layers.Input
# first, padding="same" everywhere, GlobalAveragePooling2D and a separate Softmax() layer.
import keras


def build_model(num_classes=10):
    model = keras.Sequential()
    model.add(keras.layers.Input(shape=(32, 32, 3)))
    for block, filters in enumerate([(32, 40, 50), (60, 70, 80), (60, 70, 80)]):
        for f in filters:
            model.add(keras.layers.Conv2D(f, 3, padding="same", activation="relu"))
        if block < 2:
            model.add(keras.layers.MaxPooling2D(2))
    model.add(keras.layers.GlobalAveragePooling2D())
    model.add(keras.layers.Dense(num_classes))
    model.add(keras.layers.Softmax())
    return model
