"""What the student reads when a probe call brings back no value: one message per kind.

The worker says what went wrong (``grader.worker.protocol.Failure``); ``STUDENT_MESSAGES``
says it to the student, one entry per ``ErrorKind``. A kind nobody defined arrives as
``INTERNAL``: the grader's own fault, which never blames the student's code.
"""

from __future__ import annotations

from typing import Callable

from grader.domain import TaskSpec
from grader.worker.protocol import ErrorKind, Failure

INTERNAL_MESSAGE = ("The grader itself failed while running this check (not your code's fault): "
                    "please tell the course staff.")


def missing_code_message(task: TaskSpec) -> str:
    return (f"No code for {task.id}: expected {task.filename} in the submission "
            f"or notebook cells tagged `{task.module_tag}`.")


def student_message(task: TaskSpec, failure: Failure) -> str:
    return STUDENT_MESSAGES[failure.kind](task, failure)


def _as_sent(task: TaskSpec, failure: Failure) -> str:
    """Messages written for the student already (on the trusted side, or by the contract)."""
    return failure.message


def _not_implemented(task: TaskSpec, failure: Failure) -> str:
    return f"Not implemented yet: {task.filename} raises NotImplementedError{_at(failure)}."


def _timeout(task: TaskSpec, failure: Failure) -> str:
    if failure.during == "import":
        return f"Importing {task.filename} {failure.message}: look for an endless loop at module level."
    return f"Your code {failure.message} while the grader ran `{failure.during}`: look for an endless loop."


def _exit(task: TaskSpec, failure: Failure) -> str:
    return f"Your code called sys.exit() while the grader ran `{failure.during}`{_at(failure)}."


def _interfered(task: TaskSpec, failure: Failure) -> str:
    return f"{_while_running(failure)}: it was stopped, and this task cannot be graded."


def _crashed(task: TaskSpec, failure: Failure) -> str:
    return f"{_while_running(failure)}: os._exit, a crash or running out of memory."


def _raised(task: TaskSpec, failure: Failure) -> str:
    if failure.during == "import":
        return f"Importing {task.filename} failed{_at(failure)}: {failure.message}"
    return f"Your code raised {failure.message}{_at(failure)}"


def _internal(task: TaskSpec, failure: Failure) -> str:
    return INTERNAL_MESSAGE  # what went wrong is for the staff (the check's details), not the student


def _at(failure: Failure) -> str:
    return f" ({failure.where})" if failure.where else ""


def _while_running(failure: Failure) -> str:
    message = failure.message
    return f"{message[:1].upper()}{message[1:]} while the grader ran `{failure.during or 'a check'}`"


STUDENT_MESSAGES: dict[ErrorKind, Callable[[TaskSpec, Failure], str]] = {
    ErrorKind.MISSING_MODULE: _as_sent,
    ErrorKind.UNREADABLE: _as_sent,
    ErrorKind.MISSING_NAME: _as_sent,
    ErrorKind.CONTRACT: _as_sent,
    ErrorKind.NOT_IMPLEMENTED: _not_implemented,
    ErrorKind.EXCEPTION: _raised,
    ErrorKind.EXIT: _exit,
    ErrorKind.TIMEOUT: _timeout,
    ErrorKind.CRASHED: _crashed,
    ErrorKind.WORKER_LOST: _crashed,
    ErrorKind.INTERFERED: _interfered,
    ErrorKind.INTERNAL: _internal,
}
