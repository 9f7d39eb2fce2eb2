raise RuntimeError("shadowed json imported")
