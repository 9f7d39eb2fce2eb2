# Quinn: the quiz's layers in a Sequential with input_shape= on the first one, only the
# padding changed to 'same'.
import tensorflow as tf
from tensorflow.keras.layers import MaxPooling2D


def build_model(num_classes=10):
    def conv(filters, **kwargs):
        return tf.keras.layers.Conv2D(filters=filters, kernel_size=(3, 3), strides=(1, 1),
                                      activation="tanh", padding="same", **kwargs)

    return tf.keras.Sequential([
        conv(32, input_shape=(32, 32, 3)), conv(40), conv(50),
        MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
        conv(60), conv(70), conv(80),
        MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
        conv(60), conv(70), conv(80),
        tf.keras.layers.GlobalAveragePooling2D(),
        tf.keras.layers.Dense(num_classes, activation="softmax"),
    ])
