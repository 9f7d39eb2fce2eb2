"""Task 55: two separate BatchNormalization layers, trained in training mode.

The quiz's two mistakes: one BatchNormalization instance shared by both places (so the
two layers share statistics and parameters), and ``train_step`` calling the model
without ``training=True`` (so it never uses batch statistics nor updates the moving
ones). ``call`` stays a plain method (see the Keras 3 note in TASKS.md).
"""

import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, learning_rate: float = 0.01):
        super().__init__()
        self.layer_list = [
            tf.keras.layers.Dense(10, activation="tanh"),
            tf.keras.layers.BatchNormalization(),
            tf.keras.layers.Dense(10, activation="tanh"),
            tf.keras.layers.BatchNormalization(),
            tf.keras.layers.Dense(10, activation="softmax"),
        ]
        self.loss_function = tf.keras.losses.CategoricalCrossentropy()
        self.optimizer = tf.keras.optimizers.SGD(learning_rate)

    def call(self, x, training=False):
        for layer in self.layer_list:
            x = layer(x, training=training)
        return x

    @tf.function
    def train_step(self, image, target):
        with tf.GradientTape() as tape:
            prediction = self(image, training=True)
            loss = self.loss_function(target, prediction)
        variables = self.layer_list[0].trainable_variables
        gradients = tape.gradient(loss, variables)
        self.optimizer.apply_gradients(zip(gradients, variables))
        return loss
