raise RuntimeError("shadowed timeit imported")
