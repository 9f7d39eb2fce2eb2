import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, learning_rate=0.01):
        super().__init__()
        self.conv = tf.keras.layers.Conv2D(40, 4, strides=4, padding="same", activation="tanh",
                                           kernel_regularizer=tf.keras.regularizers.l2(0.01))
        self.flatten = tf.keras.layers.Flatten()
        self.out = tf.keras.layers.Dense(10, activation="softmax")
        self.loss_function = tf.keras.losses.CategoricalCrossentropy()
        self.optimizer = tf.keras.optimizers.SGD(learning_rate=learning_rate, momentum=0.9)

    def call(self, x):
        return self.out(self.flatten(self.conv(x)))

    @tf.function
    def train_step(self, image, target):
        with tf.GradientTape() as tape:
            loss = self.loss_function(target, self(image, training=True))
            loss += tf.add_n(self.losses)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return loss
