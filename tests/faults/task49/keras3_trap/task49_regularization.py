import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, learning_rate=0.01):
        super(Classifier, self).__init__()
        self.conv = tf.keras.layers.Conv2D(filters=40, kernel_size=(4, 4), strides=(4, 4),
                                           activation="tanh", padding="same",
                                           kernel_regularizer=tf.keras.regularizers.L2(0.01))
        self.flatten = tf.keras.layers.Flatten()
        self.out = tf.keras.layers.Dense(10, activation="softmax")
        self.loss_function = tf.keras.losses.CategoricalCrossentropy()
        self.optimizer = tf.keras.optimizers.SGD(learning_rate)

    @tf.function
    def call(self, x):
        return self.out(self.flatten(self.conv(x)))

    @tf.function
    def train_step(self, image, target):
        with tf.GradientTape() as tape:
            prediction = self(image, training=True)
            loss = self.loss_function(target, prediction) + tf.reduce_sum(self.losses)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        return loss
