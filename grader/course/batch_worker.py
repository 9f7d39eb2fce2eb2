"""What each process of a local batch runs: one grader (one sandboxed worker) for many
submissions, set up once by ``init`` and used by ``grade_job``.

Kept in its own module because process pools import their functions by name.
"""

from __future__ import annotations

import atexit
from pathlib import Path

from grader.catalog import load_catalog
from grader.course.batch import Job
from grader.course.review import apply_manual_scores, load_manual_scores
from grader.engine import GradeOptions, Grader
from grader.outputs.files import write_submission_outputs

_grader: Grader | None = None
_reviews: list = []


def init(catalog_root: str, options: dict, hide: tuple[str, ...], manual: str | None) -> None:
    global _grader, _reviews
    catalog = load_catalog(Path(catalog_root))
    _grader = Grader(catalog, GradeOptions(**options), hide=hide)
    _reviews = load_manual_scores(Path(manual), catalog) if manual else []
    atexit.register(_grader.close)


def grade_job(job: Job) -> None:
    assert _grader is not None, "init() was not called in this process"
    run = apply_manual_scores(_grader.grade(job.path, job.id), _reviews)
    write_submission_outputs(run, job.out, input_sha256=job.input_sha256)
