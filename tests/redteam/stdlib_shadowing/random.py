def random():
    return 0.0
