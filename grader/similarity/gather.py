"""Reading and fingerprinting a class on every core, each submission once.

The work per submission (parsing its files, tokenising its modules) runs in processes of
the grader's own: no student code runs in them, and what they return is the grader's own
data. Fingerprints are stable hashes (``code``), so every child's compare with the others'.
Children are forked, so a caller needs no ``if __name__ == "__main__"`` guard (spawn would);
by then the grading of a batch has finished and no thread of ours holds a lock.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from copydetect import CodeFingerprint

from grader.catalog import Catalog
from grader.course.batch import discover
from grader.domain import TaskSpec
from grader.similarity import code
from grader.similarity.collect import submission_documents
from grader.similarity.material import CourseMaterial
from grader.similarity.model import CODE, Document

CHUNK = 8  # submissions per round trip to a child


@dataclass
class ClassDocuments:
    documents: list[Document] = field(default_factory=list)
    prints: dict[tuple[str, str], CodeFingerprint] = field(default_factory=dict)  # (submission, part)
    submissions: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def boilerplate(material: CourseMaterial, tasks: tuple[TaskSpec, ...]) -> dict:
    """Per module, the hashes of its template stub and of the quiz's code."""
    modules = {task.module for task in tasks if task.module}
    return {module: code.boilerplate_hashes([material.templates.get(module, ""), *material.quiz_code])
            for module in sorted(modules)}


def gather(folder: Path, catalog: Catalog, tasks: tuple[TaskSpec, ...], material: CourseMaterial,
           jobs: int | None = None) -> ClassDocuments:
    """Every submission's documents and code fingerprints, read in parallel."""
    read = partial(_read, catalog=catalog, tasks=tasks, boilerplate=boilerplate(material, tasks))
    found = ClassDocuments()
    listing = discover(folder)
    jobs = jobs or min(os.cpu_count() or 1, 8)
    if jobs > 1 and len(listing) > CHUNK:
        with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
            results = list(pool.map(read, listing, chunksize=CHUNK))
    else:
        results = [read(item) for item in listing]
    for (identifier, _), (documents, prints, problems) in zip(listing, results):
        found.problems += problems
        if documents is not None:
            found.submissions.append(identifier)
            found.documents += documents
            found.prints.update(prints)
    return found


def _read(item: tuple[str, Path], catalog: Catalog, tasks: tuple[TaskSpec, ...], boilerplate: dict):
    identifier, path = item
    documents, problems = submission_documents(identifier, path, catalog, tasks)
    prints = {}
    for document in list(documents or ()):
        if document.kind != CODE:
            continue
        try:
            prints[(document.submission, document.part)] = code.fingerprint(document.text, boilerplate[document.part])
        except Exception as exc:  # text the tokeniser cannot take costs that module only
            documents.remove(document)
            problems.append(f"{identifier}: {document.origin} could not be compared "
                            f"({exc.__class__.__name__}: {exc})")
    return documents, prints, problems
