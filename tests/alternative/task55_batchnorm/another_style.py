import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, learning_rate=0.01):
        super().__init__()
        self.hidden1 = tf.keras.layers.Dense(10, activation="tanh")
        self.norm1 = tf.keras.layers.BatchNormalization()
        self.hidden2 = tf.keras.layers.Dense(10, activation="tanh")
        self.norm2 = tf.keras.layers.BatchNormalization()
        self.out = tf.keras.layers.Dense(10, activation="softmax")
        self.loss_function = tf.keras.losses.CategoricalCrossentropy()
        self.optimizer = tf.keras.optimizers.Adam(learning_rate)

    def call(self, x, training=False):
        x = self.norm1(self.hidden1(x), training=training)
        x = self.norm2(self.hidden2(x), training=training)
        return self.out(x)

    @tf.function
    def train_step(self, image, target):
        with tf.GradientTape() as tape:
            loss = self.loss_function(target, self(image, training=True))
        self.optimizer.apply_gradients(zip(tape.gradient(loss, self.trainable_variables),
                                           self.trainable_variables))
        return loss
