"""Entry point of the sandboxed worker: ``python -I -B boot.py --fd N [--hide P] [--uid U --gid G]``.

It is copied into the worker's staging directory beside a copy of ``grader.worker`` and
``grader.probes``. Before anything else it hides the grader's private folders, drops
privileges, and narrows ``sys.path`` to the standard library, the installed packages and
that staging copy, so no hidden test or reference solution is importable or readable.
"""

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


def _option(argv: list[str], name: str) -> list[str]:
    return [argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == name]


if __name__ == "__main__":
    _narrow_import_path(os.path.dirname(os.path.abspath(__file__)))
    from grader.worker import jail, server

    hide, uid, gid = (_option(sys.argv, flag) for flag in ("--hide", "--uid", "--gid"))
    notices = jail.make_mounts_private() if hide or uid else []
    if not notices:
        if uid:
            notices += jail.expose_interpreter(os.path.join(os.path.dirname(__file__), "jail"))
        notices += jail.hide_paths(hide)
    if uid and gid:
        jail.drop_privileges(int(uid[0]), int(gid[0]))
    sys.exit(server.main(sys.argv, notices))
