# Cleo keeps 'valid' padding where it does no harm and pads only the third block; functional
# API, activations as separate layers.
import tensorflow as tf
from tensorflow.keras import layers


def build_model(num_classes=10):
    inputs = tf.keras.Input(shape=(32, 32, 3))
    x = inputs
    for block, filters in enumerate([(32, 40, 50), (60, 70, 80), (60, 70, 80)]):
        padding = "same" if block == 2 else "valid"
        for f in filters:
            x = layers.Conv2D(f, (3, 3), padding=padding)(x)
            x = layers.Activation("tanh")(x)
        if block < 2:
            x = layers.MaxPool2D(2)(x)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return tf.keras.Model(inputs, outputs)
