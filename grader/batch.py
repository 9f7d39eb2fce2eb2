"""Grading a whole class: one result folder per submission, in parallel, resumable.

A submission is done when its ``results.json`` exists and records the hash of the input
it was graded from; it is written last and atomically, so an interrupted batch (Ctrl-C,
a killed process, a reboot) rerun with the same command grades only what is missing or
changed. ``--shard i/N`` takes every N-th submission, so several machines can split a
class; ``grader merge`` then combines their output folders.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import FIRST_COMPLETED, Executor, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable

SUBMISSION_SUFFIXES = (".zip", ".ipynb")
IGNORED = {"__MACOSX", ".git", ".DS_Store"}


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based
    count: int

    @classmethod
    def parse(cls, text: str) -> "Shard":
        try:
            index, count = (int(part) for part in text.split("/"))
        except ValueError:
            raise ValueError(f"--shard expects i/N such as 2/4, not {text!r}") from None
        if not 1 <= index <= count:
            raise ValueError(f"--shard {text}: i must be between 1 and N")
        return cls(index, count)

    def select(self, items: list) -> list:
        return [item for number, item in enumerate(items) if number % self.count == self.index - 1]


@dataclass(frozen=True)
class Job:
    """One submission to grade and where its results go."""

    path: Path
    id: str
    out: Path
    input_sha256: str


@dataclass
class BatchOutcome:
    graded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def discover(folder: Path) -> list[tuple[str, Path]]:
    """(id, path) of every submission in ``folder``: sub-folders, .zip and .ipynb files."""
    entries = [entry for entry in sorted(folder.iterdir())
               if entry.name not in IGNORED and not entry.name.startswith(".")
               and (entry.is_dir() or entry.suffix.lower() in SUBMISSION_SUFFIXES)]
    stems = [entry.name if entry.is_dir() else entry.stem for entry in entries]
    return [(stem if stems.count(stem) == 1 else entry.name, entry) for stem, entry in zip(stems, entries)]


def input_hash(path: Path) -> str:
    """A hash of everything a submission holds, so a changed submission is graded again."""
    digest = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        digest.update(str(file.relative_to(path.parent if path.is_file() else path)).encode())
        digest.update(b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()


def plan_jobs(folder: Path, out: Path, shard: Shard | None = None) -> tuple[list[Job], list[str]]:
    """The jobs still to do, and the ids already done with unchanged input."""
    found = discover(folder)
    if shard:
        found = shard.select(found)
    jobs, done = [], []
    for identifier, path in found:
        digest = input_hash(path)
        target = out / "submissions" / identifier
        if recorded_hash(target / "results.json") == digest:
            done.append(identifier)
        else:
            jobs.append(Job(path, identifier, target, digest))
    return jobs, done


def recorded_hash(results: Path) -> str | None:
    try:
        return json.loads(results.read_text()).get("input_sha256")
    except (OSError, ValueError):
        return None


def run_jobs(jobs: list[Job], grade_one: Callable[[Job], None], executor: Executor,
             on_done: Callable[[Job, str | None], None]) -> BatchOutcome:
    """Run ``grade_one`` for every job on ``executor``; report each as it finishes."""
    outcome = BatchOutcome()
    futures = {executor.submit(grade_one, job): job for job in jobs}
    pending = set(futures)
    while pending:
        finished, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in finished:
            job = futures[future]
            error = None if future.exception() is None else f"{type(future.exception()).__name__}: {future.exception()}"
            if error:
                outcome.failed[job.id] = error
            else:
                outcome.graded.append(job.id)
            on_done(job, error)
    return outcome


def local_executor(jobs: int, initializer: Callable, initargs: tuple) -> Executor:
    """Processes (each with its own grader and worker) for local grading."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"),
                               initializer=initializer, initargs=initargs)


def thread_executor(jobs: int) -> Executor:
    """Threads, for jobs that only wait on something else (containers)."""
    return ThreadPoolExecutor(max_workers=jobs)


def collected_results(out: Path) -> Iterable[dict]:
    """Every finished result under ``out`` (one per submission), by submission id."""
    for path in sorted((out / "submissions").glob("*/results.json")):
        try:
            yield json.loads(path.read_text())
        except (OSError, ValueError):
            continue


def cpu_jobs_default() -> int:
    return max(1, (os.cpu_count() or 2) // 2)
