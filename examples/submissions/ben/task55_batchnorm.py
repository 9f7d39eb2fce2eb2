import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, learning_rate=0.01):
        super().__init__()
        self.bm_layer = tf.keras.layers.BatchNormalization()
        self.layer_list = [
            tf.keras.layers.Dense(10, activation="tanh"),
            self.bm_layer,
            tf.keras.layers.Dense(10, activation="tanh"),
            self.bm_layer,
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
            prediction = self(image)
            loss = self.loss_function(target, prediction)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        return loss
