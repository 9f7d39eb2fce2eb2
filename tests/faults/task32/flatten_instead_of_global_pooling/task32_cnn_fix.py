import tensorflow as tf


def build_model(num_classes=10):
    model = tf.keras.Sequential([tf.keras.Input(shape=(32, 32, 3))])
    for block, filters in enumerate([(32, 40, 50), (60, 70, 80), (60, 70, 80)]):
        for f in filters:
            model.add(tf.keras.layers.Conv2D(f, (3, 3), activation="tanh", padding="same"))
        if block < 2:
            model.add(tf.keras.layers.MaxPooling2D((2, 2)))
    model.add(tf.keras.layers.Flatten())
    model.add(tf.keras.layers.Dense(num_classes, activation="softmax"))
    return model
