"""Errors a task's checks raise (or meet) that the engine turns into check outcomes."""

from __future__ import annotations

# The kinds of a StudentCodeError are the worker's (one vocabulary); re-exported for task authors.
from grader.worker.protocol import FAILED_KINDS, MISSING_KINDS, ErrorKind

__all__ = ["FAILED_KINDS", "MISSING_KINDS", "BadAnswer", "ErrorKind", "MissingAnswer", "NotJudged",
           "StudentCodeError", "not_judged"]


class StudentCodeError(Exception):
    """The student's code could not produce an observation (missing, crashed, timed out)."""

    def __init__(self, kind: ErrorKind, message: str, where: str | None = None,
                 during: str | None = None, details: str = ""):
        super().__init__(message)
        self.kind, self.message, self.where, self.during, self.details = (
            kind, message, where, during, details)

    @property
    def missing(self) -> bool:
        return self.kind in MISSING_KINDS

    @property
    def is_failure(self) -> bool:
        """A wrong or absent answer (failed) rather than a crash or hang (error)."""
        return self.kind in FAILED_KINDS


class NotJudged(Exception):
    """A check that cannot measure because another check's fault stands in the way.

    ``because`` is the id of that check in the same task. Scoring costs the student no
    points for a check not judged while ``because`` failed; if ``because`` passed, the
    check counts as failed (nothing is awarded for a measurement that was not made).
    """

    def __init__(self, message: str, because: str):
        super().__init__(message)
        self.message, self.because = message, because


def not_judged(message: str, because: str):
    """End the check as not judged: ``because`` (a check id) already names the fault."""
    raise NotJudged(message, because)


class MissingAnswer(Exception):
    """answers.yaml lacks a key, or its value is empty."""


class BadAnswer(Exception):
    """An answer is present but in a form that cannot be read (e.g. 'many' for a number)."""
