"""Every student's documents, read through the intake: no student code runs here.

A module shared by several tasks (task31_cnn_fix serves 31, 37 and 43) is one part. A
written part is ``taskNN.key``; an answer written as one block for a task with several
parts is the part ``taskNN``. An unreadable submission is named and skipped, alone.
"""

from __future__ import annotations

from pathlib import Path

from grader.catalog import Catalog
from grader.checks.written import block_answer, written_answer
from grader.domain import Submission, TaskSpec
from grader.intake.submission import read_submission
from grader.similarity.model import CODE, WRITTEN, Document


def submission_documents(identifier: str, path: Path, catalog: Catalog, tasks: tuple[TaskSpec, ...]
                         ) -> tuple[list[Document] | None, list[str]]:
    """One submission's documents (None when it cannot be read) and the problems met."""
    try:
        submission = read_submission(path, catalog, identifier)
    except Exception as exc:  # one unreadable submission costs that submission only
        return None, [f"{identifier}: could not be read ({exc.__class__.__name__}: {exc})"]
    documents = code_documents(submission, tasks) + written_documents(submission, tasks)
    return documents, [f"{identifier}: {problem}" for problem in submission.problems]


def code_documents(submission: Submission, tasks: tuple[TaskSpec, ...]) -> list[Document]:
    found = {}
    for task in tasks:
        source = submission.sources.get(task.module) if task.module else None
        if source and source.text.strip() and task.module not in found:
            found[task.module] = Document(submission.id, task.module, CODE, task.id, source.text, source.origin)
    return list(found.values())


def written_documents(submission: Submission, tasks: tuple[TaskSpec, ...]) -> list[Document]:
    documents = []
    for task in tasks:
        if not task.written:
            continue
        answers = {part.key: written_answer(submission, task.id, part.key) for part in task.written}
        block = block_answer(submission, task)
        if len(task.written) == 1 and block and answers[task.written[0].key] is None:
            answers[task.written[0].key], block = block, None
        for key, text in answers.items():
            if text:
                documents.append(Document(submission.id, f"{task.id}.{key}", WRITTEN, task.id, text, "answers.yaml"))
        if block:
            documents.append(Document(submission.id, task.id, WRITTEN, task.id, block, "answers.yaml"))
    return documents
