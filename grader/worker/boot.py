"""Entry point of the worker: ``python -I -B boot.py --fd N --policy JSON``.

It is copied into the worker's staging directory beside a copy of ``grader.worker`` and
``grader.probes``. Before anything else it narrows ``sys.path`` to the standard library,
the installed packages and that staging copy, so nothing from the grader's own checkout
(hidden tests, reference solution) is importable. The isolation policy is applied to
every child the zygote forks (``grader.worker.jail``), not to the zygote itself, which
never runs student code.
"""

import json
import os
import sys
import sysconfig


def _narrow_import_path(runtime: str) -> None:
    keep = {os.path.realpath(sysconfig.get_paths()[key])
            for key in ("stdlib", "platstdlib", "purelib", "platlib")}
    sys.path[:] = [runtime] + [p for p in sys.path
                               if p and os.path.realpath(p).startswith(tuple(keep))]
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__name__.lower()
                        and "editable" not in getattr(f, "__name__", "").lower()]
    for name in [n for n in sys.modules if n == "grader" or n.startswith("grader.")]:
        del sys.modules[name]


def _option(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv else default


if __name__ == "__main__":
    _narrow_import_path(os.path.dirname(os.path.abspath(__file__)))
    policy = json.loads(_option(sys.argv, "--policy", "{}"))
    fd = int(_option(sys.argv, "--fd", "3"))
    if "--child" in sys.argv:  # a child of its own, where fork is unsafe
        from grader.worker import zygote

        code = zygote.child_main(fd, policy, json.loads(_option(sys.argv, "--jail", "{}")))
    else:
        from grader.worker import server

        code = server.main(fd, policy)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # skip TensorFlow's interpreter teardown: ~0.7 s, and nothing to save
