"""A readable terminal summary of a run for students (``grader check``) and staff.

Every piece of text in it passes through ``escape.terminal``: feedback, reasons and
problems quote student file names, answers and exception messages, and a terminal would
act on the control characters in them (clear the screen, print a fake score line).
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, TextIO

from grader.outputs.escape import terminal

SYMBOLS = {"passed": "✔", "failed": "✘", "error": "!", "missing": "○", "incomplete": "◐",
           "pending_review": "…", "not_judged": "–"}
COLORS = {"passed": "32", "failed": "31", "error": "33", "missing": "90", "incomplete": "35",
          "pending_review": "34", "not_judged": "90"}


def print_summary(view: dict[str, Any], stream: TextIO = sys.stdout, hints: bool = True) -> None:
    color = stream.isatty() and "NO_COLOR" not in os.environ
    paint = (lambda status, text: f"\033[{COLORS[status]}m{text}\033[0m") if color else (
        lambda status, text: text)
    for task in view["tasks"]:
        _print_task(task, stream, paint, hints)
    for problem in view.get("problems", []):
        stream.write(f"problem: {terminal(problem, one_line=True)}\n")
    for warning in view.get("warnings", []):
        stream.write(f"warning: {terminal(warning, one_line=True)}\n")
    pending = f" (+{view['pending_max_score']:g} awaiting review)" if view["pending_max_score"] else ""
    stream.write(f"\nScore: {view['score']:g} / {view['max_score']:g}{pending}\n")


def _print_task(task: dict[str, Any], stream: TextIO, paint: Callable[[str, str], str], hints: bool) -> None:
    symbol = paint(task["status"], SYMBOLS[task["status"]])
    score = f"{task['score']:g}/{task['max_score']:g}"
    title = terminal(task["title"], one_line=True)
    stream.write(f"{symbol} Task {task['quiz_task']:>2}  {title:<48} {score:>9}  "
                 f"{paint(task['status'], task['status_label'])}\n")
    if not hints or task["status"] == "passed":
        return
    if len(task.get("parts", ())) > 1 and task["reason"]:  # the headline: each part on its own
        stream.write(f"      {terminal(task['reason'], one_line=True)}\n")
    shown = [check for check in task["checks"] if check["status"] not in ("passed", "pending_review")]
    for check in shown:
        name = terminal(check["name"], one_line=True)
        badge = check.get("badge", check["status"])
        stream.write(f"      {paint(badge, SYMBOLS[badge])} {name}\n")
        for line in terminal(check["feedback"]).splitlines() or [""]:
            stream.write(f"          {line}\n")
    if not shown and task["reason"] and len(task.get("parts", ())) <= 1:
        stream.write(f"          {terminal(task['reason'], one_line=True)}\n")
