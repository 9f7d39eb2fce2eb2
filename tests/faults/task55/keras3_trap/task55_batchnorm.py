import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, learning_rate=0.01):
        super(Classifier, self).__init__()
        self.dense1 = tf.keras.layers.Dense(10, activation="tanh")
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.dense2 = tf.keras.layers.Dense(10, activation="tanh")
        self.bn2 = tf.keras.layers.BatchNormalization()
        self.out = tf.keras.layers.Dense(10, activation="softmax")
        self.loss_function = tf.keras.losses.CategoricalCrossentropy()
        self.optimizer = tf.keras.optimizers.SGD(learning_rate)

    @tf.function
    def call(self, x, training=False):
        x = self.bn1(self.dense1(x), training=training)
        x = self.bn2(self.dense2(x), training=training)
        return self.out(x)

    @tf.function
    def train_step(self, image, target):
        with tf.GradientTape() as tape:
            prediction = self(image, training=True)
            loss = self.loss_function(target, prediction)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        return loss
