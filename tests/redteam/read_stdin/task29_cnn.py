import sys


def build_cnn():
    return sys.stdin.read()
