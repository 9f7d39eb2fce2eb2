def build_cnn():
    return None
