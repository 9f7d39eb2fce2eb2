# Dana: call takes training=False but does not pass it on: Keras 3 hands the flag to the
# sublayers by itself, so BatchNormalization still switches modes.
import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, learning_rate=0.01):
        super(Classifier, self).__init__()
        self.d1 = tf.keras.layers.Dense(10, activation="tanh")
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.d2 = tf.keras.layers.Dense(10, activation="tanh")
        self.bn2 = tf.keras.layers.BatchNormalization()
        self.d3 = tf.keras.layers.Dense(10, activation="softmax")
        self.loss_function = tf.keras.losses.CategoricalCrossentropy()
        self.optimizer = tf.keras.optimizers.SGD(learning_rate=learning_rate)

    def call(self, x, training=False):
        return self.d3(self.bn2(self.d2(self.bn1(self.d1(x)))))

    @tf.function
    def train_step(self, image, target):
        with tf.GradientTape() as tape:
            loss = self.loss_function(target, self(image, training=True))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return loss
