# Yusuf: kernel_regularizer="l2" (Keras' default factor is 0.01), a Python sum over
# self.losses, and the loss object built once in __init__.
import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, learning_rate=0.01):
        super().__init__()
        self.conv = tf.keras.layers.Conv2D(filters=40, kernel_size=4, strides=4, padding="same",
                                           activation="tanh", kernel_regularizer="l2")
        self.flat = tf.keras.layers.Flatten()
        self.classify = tf.keras.layers.Dense(10, activation=tf.nn.softmax)
        self.loss_function = tf.keras.losses.CategoricalCrossentropy()
        self.optimizer = tf.keras.optimizers.SGD(learning_rate=learning_rate)

    def call(self, x, training=False):
        return self.classify(self.flat(self.conv(x)))

    @tf.function
    def train_step(self, image, target):
        with tf.GradientTape() as tape:
            data_loss = self.loss_function(target, self(image, training=True))
            loss = data_loss + sum(self.losses)
        variables = self.trainable_variables
        self.optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
        return loss
