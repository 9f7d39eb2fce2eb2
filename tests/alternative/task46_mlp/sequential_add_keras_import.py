# Ole: `import keras`, an empty Sequential filled with model.add(...) in a loop,
# keras.layers.Input((784,)) first and a separate Softmax() layer at the end.
import keras


def build_mlp(num_classes=10):
    model = keras.Sequential()
    model.add(keras.layers.Input((784,)))
    for units in (20, 30, 50):
        model.add(keras.layers.Dense(units, activation="relu"))
    model.add(keras.layers.Dense(num_classes))
    model.add(keras.layers.Softmax())
    return model
