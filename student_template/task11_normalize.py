"""Task 11 - Activations in [-1, 1].

The quiz asks why activations (and inputs) in [-1, 1] train better than raw pixel values
in [0, 255] (answer that in answers.yaml). Here, write the normalisation itself:

    normalize(images) -> tf.Tensor

- `images` holds uint8 pixel values 0..255, as a NumPy array or a tf.Tensor, of any
  shape: one image (28, 28, 1), a batch (b, 28, 28, 1), or anything else;
- return a float32 tf.Tensor of the same shape with values in [-1, 1], mapping
  linearly: 0 becomes -1, 255 becomes 1 (and 127.5 would become 0).
"""

import tensorflow as tf


def normalize(images) -> tf.Tensor:
    raise NotImplementedError("Task 11: scale uint8 images to float32 in [-1, 1]")
