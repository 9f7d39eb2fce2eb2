"""What the student reads when a probe call brings back no value: one message per kind.

The worker says what went wrong (``grader.worker.protocol.Failure``); ``STUDENT_MESSAGES``
says it to the student, one entry per ``ErrorKind``. A kind nobody defined arrives as
``INTERNAL``: the grader's own fault, which never blames the student's code.
"""

from __future__ import annotations

import re

from grader.domain import SourceFile, TaskSpec
from grader.worker.protocol import ErrorKind, Failure


def missing_code_message(task: TaskSpec) -> str:
    return (f"No code for {task.id}: expected {task.filename} in the submission "
            f"or notebook cells tagged `{task.module_tag}`.")


def student_message(task: TaskSpec, failure: Failure, source: SourceFile | None = None) -> str:
    """The entry of ``failure.kind``: its first text if the failure was at import, else its second.

    Code from notebook cells is named as the cells tagged ``taskNN``, never as a file the
    student does not have; the loader's own exception names never reach the student. An
    exception the sandbox causes (no memory, network, keyboard or library beyond its
    allowance) is followed by a sentence saying what the grader allows."""
    at_import, in_a_call = STUDENT_MESSAGES[failure.kind]
    message = failure.message or ""  # a child that sent none
    if failure.kind in (ErrorKind.MISSING_NAME, ErrorKind.CONTRACT) and failure.exception:
        message = message.removeprefix(f"{failure.exception}: ")
    cells = source is not None and source.notebook
    code = f"the cells tagged {task.module_tag}" if cells else task.filename
    loading = f"Running {code}" if cells else f"Importing {code}"
    if cells and failure.kind is ErrorKind.MISSING_NAME:
        message = message.replace(f"{source.origin} does not define", f"{code} ({source.origin}) do not define", 1)
    text = (at_import if failure.during == "import" else in_a_call).format(
        code=code, loading=loading, message=message, Message=f"{message[:1].upper()}{message[1:]}",
        during=failure.during, ran=failure.during or "a check", at=f" ({failure.where})" if failure.where else "")
    hint = sandbox_hint(message, task) if failure.kind == ErrorKind.EXCEPTION else ""
    return f"{text} {hint}" if hint else text


def sandbox_hint(message: str, task: TaskSpec) -> str:
    """What the grader allows, for an exception that says the sandbox was met; "" for any other."""
    for pattern, hint in SANDBOX_HINTS:
        found = pattern.search(message)
        if found:
            return hint.format(memory_mb=task.memory_mb, module=found.groupdict().get("module", ""))
    return ""


# exception text -> the sentence after it (student_message); libraries: the template's README lists them
SANDBOX_HINTS = (
    (re.compile(r"^MemoryError\b"),
     "The grader gives each task {memory_mb} MB of memory and feeds it tiny data: build smaller arrays or "
     "models, and load no data set."),
    (re.compile(r"^(URLError|HTTPError|ConnectionError|gaierror|TimeoutError|OSError)\b.*"
                r"(name resolution|Network is unreachable|Connection refused|Name or service not known|urlopen)"),
     "The grader has no network: download nothing (data sets, weights, pip packages) when your code runs; "
     "the checks pass your functions the data they need."),
    (re.compile(r"^EOFError: EOF when reading a line"),
     "The grader gives your code no keyboard: input() gets no answer. Take values as function arguments."),
    (re.compile(r"^(ModuleNotFoundError|ImportError): No module named '(?P<module>[^'.]+)"),
     "The grader has no library '{module}': it has Python's standard library, NumPy, TensorFlow and Keras "
     "(the template's README lists them). Remove the import, or keep plotting and exploration out of the "
     "graded module or cells."),
)


def _same(text: str) -> tuple[str, str]:
    return text, text


_CRASHED = _same("{Message} while the grader ran `{ran}`: os._exit, a crash or running out of memory.")
# What the student reads per kind, (at import, during a probe call). Fields: {code}, the file
# or "the cells tagged taskNN"; {loading}, "Importing task29_cnn.py" or "Running the cells ..."; the
# worker's {message} ({Message} capitalised); {during}, the probe function ({ran}: or "a
# check"); {at}, " (file, line N)" where the student's code was.
STUDENT_MESSAGES: dict[ErrorKind, tuple[str, str]] = {
    # written for the student where the fault was found: intake, the session, the loader, the contract
    ErrorKind.MISSING_MODULE: _same("{message}"),
    ErrorKind.UNREADABLE: _same("{message}"),
    ErrorKind.MISSING_NAME: _same("{message}"),
    ErrorKind.CONTRACT: _same("{message}"),
    ErrorKind.NOT_IMPLEMENTED: _same("Not implemented yet: {code} raised NotImplementedError{at}."),
    ErrorKind.EXCEPTION: ("{loading} failed{at}: {message}", "Your code raised {message}{at}"),
    ErrorKind.EXIT: _same("Your code called sys.exit() while the grader ran `{during}`{at}."),
    ErrorKind.TIMEOUT: ("{loading} {message}: look for an endless loop at module level.",
                        "Your code {message} while the grader ran `{during}`: look for an endless loop."),
    ErrorKind.CRASHED: _CRASHED,
    ErrorKind.WORKER_LOST: _CRASHED,
    ErrorKind.INTERFERED: _same("{Message} while the grader ran `{ran}`: it was stopped, and this task cannot be "
                                "graded."),
    # the grader's own fault: what went wrong is for the staff (the check's details), never the student
    ErrorKind.INTERNAL: _same("The grader itself failed while running this check (not your code's fault): "
                              "please tell the course staff."),
}
INTERNAL_MESSAGE = STUDENT_MESSAGES[ErrorKind.INTERNAL][1]
