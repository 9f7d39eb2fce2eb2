"""Tasks 31, 37 and 43 - CNN fail I, CNNs Pooling II and III.

The quiz's Task 31 network on MNIST-shaped input (28, 28, 1):

    Conv2D(2, 3x3, strides 1, tanh, padding "same")
    Conv2D(4, 3x3, strides 1, tanh, padding "same")
    MaxPooling2D(pool_size=(2, 2), strides=(1, 1))
    Conv2D(8, ...), Conv2D(16, ...)            (same settings)
    MaxPooling2D(pool_size=(2, 2), strides=(1, 1))
    Conv2D(32, ...), Conv2D(64, ...)           (same settings)
    Flatten
    Dense(num_classes, softmax)

Its pooling layers are faulty (Task 37 asks what is wrong with them, Task 43 why
pool_size should equal the stride). Write

    build_model(num_classes=10) -> tf.keras.Model

returning this network on input shape (28, 28, 1) with the fault fixed:

- keep the six 3x3 convolutions (2, 4, 8, 16, 32, 64 filters, stride 1, padding "same")
  and a pooling layer after the second and after the fourth convolution; no other
  pooling layer;
- every pooling layer has pool_size == strides and halves height and width of its
  input (MaxPooling2D or AveragePooling2D);
- end with Flatten and Dense(num_classes) with a softmax: the output has shape
  (batch, num_classes) and holds class probabilities.

Sequential, functional or subclassed models are all fine, as are activations written
as separate layers. This one module is graded by Tasks 31, 37 and 43.
"""

import tensorflow as tf


def build_model(num_classes: int = 10) -> tf.keras.Model:
    raise NotImplementedError("Task 31: build the fixed CNN described above")
