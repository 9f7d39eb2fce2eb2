# Ben: GlobalAveragePooling2D followed by a Flatten (to be sure the vector is flat) before
# the Dense layer, in a Sequential list built in a loop with tf.keras.Input first.
import tensorflow as tf


def build_model(num_classes=10):
    layers = [tf.keras.Input(shape=(32, 32, 3))]
    for block, filters in enumerate([(32, 40, 50), (60, 70, 80), (60, 70, 80)]):
        layers += [tf.keras.layers.Conv2D(f, 3, padding="same", activation="relu") for f in filters]
        if block < 2:
            layers.append(tf.keras.layers.MaxPooling2D(2))
    layers += [tf.keras.layers.GlobalAveragePooling2D(), tf.keras.layers.Flatten(),
               tf.keras.layers.Dense(num_classes, activation="softmax")]
    return tf.keras.Sequential(layers)
