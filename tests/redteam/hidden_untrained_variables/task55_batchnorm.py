"""Only the first layer is trained, and trainable_variables lists only what is trained."""

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
        variables = self.trainable_variables
        gradients = tape.gradient(loss, variables)
        self.optimizer.apply_gradients(zip(gradients, variables))
        return loss

    @property
    def trainable_variables(self):  # the variables that never move are not listed
        return self.layer_list[0].trainable_variables
