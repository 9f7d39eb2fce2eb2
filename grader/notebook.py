"""Public checks from inside a notebook: ``import grader.notebook as gn; gn.check("task13")``.

The notebook is saved as the student sees it (in Colab through Colab's own export call;
in Jupyter and VS Code from the notebook's file, so save it first) into a temporary
folder with the ``answers.yaml`` beside it, and graded by a checker process started once
per kernel and reused (``grader.commands.notebook_server``). The student's kernel never
imports the checks, the engine or TensorFlow for the grader: this module holds only the
standard library, and the result comes back as the report the checker rendered.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ANSWERS = "answers.yaml"
COLAB_TIMEOUT = 30  # seconds Colab's front end may take to hand over the notebook
CHECK_TIMEOUT = 1800
_checker: subprocess.Popen | None = None
_checker_log = ""  # where the checker's own output goes: one file per kernel, made by mkstemp


class NotebookNotFound(Exception):
    """Where the notebook is cannot be told; the message says what to pass instead."""


def check(*tasks: str, notebook: str | os.PathLike | None = None) -> None:
    """Run the public checks on this notebook (all tasks, or those named) and show the result here."""
    name, content, folder = _current_notebook(notebook)
    with tempfile.TemporaryDirectory(prefix="grader-check-") as temporary:
        submission = Path(temporary) / "submission"
        submission.mkdir()
        (submission / name).write_text(json.dumps(content), encoding="utf-8")
        if (folder / ANSWERS).is_file():
            shutil.copy(folder / ANSWERS, submission / ANSWERS)
        reply = _ask({"folder": str(submission), "tasks": list(tasks) or None, "name": name})
    _show(reply)


def _current_notebook(path: str | os.PathLike | None) -> tuple[str, dict, Path]:
    """(file name, notebook JSON, the folder answers.yaml is looked for in)."""
    if path is None:
        colab = _colab_notebook()
        if colab is not None:
            return "notebook.ipynb", colab, Path.cwd()
        path = _notebook_path()
    path = Path(path).expanduser().resolve()
    try:
        return path.name, json.loads(path.read_text(encoding="utf-8")), path.parent
    except (OSError, ValueError) as exc:
        raise NotebookNotFound(f"Could not read the notebook {path}: {exc}") from None


def _colab_notebook() -> dict | None:
    """The notebook as Colab's front end holds it now, unsaved edits included; None outside Colab."""
    if "google.colab" not in sys.modules:
        return None
    from google.colab import _message  # Colab's own channel to the notebook front end

    reply = _message.blocking_request("get_ipynb", request="", timeout_sec=COLAB_TIMEOUT)
    if not isinstance(reply, dict) or not isinstance(reply.get("ipynb"), dict):
        raise NotebookNotFound("Colab did not hand over the notebook: run the cell again, or save a copy "
                               "(File > Download .ipynb) and pass it: gn.check(notebook='homework.ipynb')")
    return reply["ipynb"]


def _notebook_path() -> str:
    """The notebook's file, as VS Code or the Jupyter server tells its kernel."""
    shell = _ipython()
    vscode = shell.user_ns.get("__vsc_ipynb_file__") if shell is not None else None
    found = vscode or os.environ.get("JPY_SESSION_NAME")
    if not found or not str(found).endswith(".ipynb"):
        raise NotebookNotFound("Could not tell which notebook this is: name it, "
                               "for example gn.check('task13', notebook='homework.ipynb')")
    return str(found)


def _ask(request: dict) -> dict:
    """One request to the checker (started on first use); a checker that died is started again."""
    for _ in range(2):
        checker = _running_checker()
        try:
            checker.stdin.write(json.dumps(request) + "\n")
            checker.stdin.flush()
            line = checker.stdout.readline()
            if line:
                return json.loads(line)
        except (OSError, ValueError):
            pass
        _stop_checker()
    raise RuntimeError(f"The checker process stopped; what it printed is in {_checker_log}")


def _running_checker() -> subprocess.Popen:
    global _checker, _checker_log
    if _checker is None or _checker.poll() is not None:
        log = tempfile.NamedTemporaryFile("w", prefix="grader-check-", suffix=".log", delete=False)
        _checker = subprocess.Popen([sys.executable, "-m", "grader.commands.notebook_server"],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                    text=True, encoding="utf-8", bufsize=1)
        _checker_log = log.name
        atexit.register(_stop_checker)
    return _checker


def _stop_checker() -> None:
    global _checker
    if _checker is not None:
        _checker.kill()
        _checker.wait()
        _checker = None


def _show(reply: dict) -> None:
    """The checker's report in the cell: HTML where the front end shows it, else text."""
    if "error" in reply:
        print(reply["error"], file=sys.stderr)
        return
    if _ipython() is not None:
        from IPython.display import display

        display({"text/html": reply["html"], "text/plain": reply["text"]}, raw=True)
    else:
        print(reply["text"])


def _ipython():
    """The running IPython shell, if any (plain Python has none)."""
    module = sys.modules.get("IPython")
    return module.get_ipython() if module is not None and hasattr(module, "get_ipython") else None
