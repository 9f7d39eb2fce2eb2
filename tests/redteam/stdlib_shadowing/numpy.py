raise RuntimeError("shadowed numpy imported")
