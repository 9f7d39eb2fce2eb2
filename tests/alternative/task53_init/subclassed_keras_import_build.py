# Mia: `import keras` with a subclassed keras.Model, keras.activations.relu in call and a
# Softmax() layer, built with model.build((None, 784)) before it is returned.
import keras


class TwoLayerNet(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = keras.layers.Dense(64, kernel_initializer=keras.initializers.RandomNormal(stddev=0.05))
        self.out = keras.layers.Dense(10)
        self.softmax = keras.layers.Softmax()

    def call(self, x):
        return self.softmax(self.out(keras.activations.relu(self.hidden(x))))


def build_model():
    model = TwoLayerNet()
    model.build((None, 784))
    return model
