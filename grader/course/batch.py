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
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Executor, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Callable

from grader.course.review import ManualScore, apply_manual_scores
from grader.course.submitted import GRADESCOPE_FILES, is_gradescope_folder
from grader.domain import GradeRun
from grader.intake.student_files import Entry, StudentFolder, UnsafeFile, walk
from grader.outputs.files import write_submission_outputs
from grader.outputs.results import ResultsError, load_run, run_to_dict
from grader.text import safe_id

SUBMISSION_SUFFIXES = (".zip", ".ipynb")
IGNORED = {"__MACOSX", ".git", ".DS_Store"}
HASH_CHUNK = 1024 * 1024


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


def discover(folder: Path) -> list[tuple[str, Path]]:
    """(id, path) of every submission in ``folder``: sub-folders, .zip and .ipynb files.

    The class folder is staff's, so its entries may be links of theirs; ids are made safe
    (``grader.text.safe_id``) and unique whatever the names hold.
    """
    entries = []  # (path, whether it is a folder)
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.name in IGNORED or entry.name.startswith("."):
                continue
            is_folder = _is_folder(entry)
            if is_folder or Path(entry.name).suffix.lower() in SUBMISSION_SUFFIXES:
                entries.append((Path(entry.path), is_folder))
    entries.sort(key=lambda item: os.fsencode(item[0].name))
    stems = [safe_id(path.name if is_folder else path.stem) for path, is_folder in entries]
    counts = Counter(stems)
    taken: set[str] = set()
    found = []
    for stem, (path, _) in zip(stems, entries):
        identifier = stem if counts[stem] == 1 else safe_id(path.name)
        while identifier in taken:
            identifier += "_"
        taken.add(identifier)
        found.append((identifier, path))
    return found


def _is_folder(entry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def input_hash(path: Path) -> str:
    """A hash of everything a submission holds, so a changed submission is graded again.

    Links are hashed by where they point, never followed; an entry that cannot be read is
    hashed by its error, so hashing never stops a class (the grading run reports it).
    """
    digest = hashlib.sha256()
    try:
        if path.is_dir():
            with StudentFolder.open(path) as top:
                for relative, entry, folder in walk(top):
                    digest.update(os.fsencode(relative) + b"\0" + entry.kind.encode() + b"\0")
                    _hash_entry(digest, entry, folder)
        else:
            digest.update(os.fsencode(path.name) + b"\0")
            with open(path, "rb") as handle:
                _hash_stream(digest, handle)
    except (OSError, UnsafeFile) as exc:
        digest.update(f"unreadable: {exc}".encode("utf-8", "replace"))
    return digest.hexdigest()


def _hash_entry(digest, entry: Entry, folder: StudentFolder) -> None:
    if entry.kind == "link":
        digest.update(os.fsencode(folder.link_target(entry)))
    elif entry.kind == "file":
        try:
            with folder.open_file(entry) as handle:
                _hash_stream(digest, handle)
        except (OSError, UnsafeFile) as exc:
            digest.update(f"unreadable: {exc}".encode("utf-8", "replace"))


def _hash_stream(digest, handle) -> None:
    while chunk := handle.read(HASH_CHUNK):
        digest.update(chunk)
    digest.update(b"\0")


def plan_jobs(folder: Path, out: Path, shard: Shard | None = None) -> tuple[list[Job], list[str]]:
    """The jobs still to do, and the ids already done with unchanged input.

    A submission that could not be graded (status error) is tried again. A Gradescope
    folder (``submission_metadata.json`` beside ``submission/``) is graded from ``submission/``.
    """
    found = discover(folder)
    if shard:
        found = shard.select(found)
    jobs, done = [], []
    for identifier, found_path in found:
        path = found_path / GRADESCOPE_FILES if is_gradescope_folder(found_path) else found_path
        digest = input_hash(path)
        target = out / "submissions" / identifier
        if _graded_from(target / "results.json", digest):
            done.append(identifier)
        else:
            jobs.append(Job(path, identifier, target, digest))
    return jobs, done


def _graded_from(results: Path, digest: str) -> bool:
    """Whether ``results`` holds a run (not an error) graded from the input hashed ``digest``."""
    if recorded_hash(results) != digest:
        return False
    try:
        return load_run(results).status != "error"
    except ResultsError:
        return False


def recorded_hash(results: Path) -> str | None:
    """The input hash a batch recorded beside the run in results.json (None when there is none)."""
    try:
        data = json.loads(results.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("input_sha256") if isinstance(data, dict) else None


def run_jobs(jobs: list[Job], grade_one: Callable[[Job], None], executor: Executor,
             on_done: Callable[[Job, BaseException | None], None]) -> None:
    """Run ``grade_one`` for every job on ``executor``; report each as it finishes."""
    futures = {executor.submit(grade_one, job): job for job in jobs}
    pending = set(futures)
    while pending:
        finished, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in finished:
            on_done(futures[future], future.exception())


def local_executor(jobs: int, initializer: Callable, initargs: tuple) -> Executor:
    """Processes (each with its own grader and worker) for local grading."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"),
                               initializer=initializer, initargs=initargs)


def thread_executor(jobs: int) -> Executor:
    """Threads, for jobs that only wait on something else (containers)."""
    return ThreadPoolExecutor(max_workers=jobs)


def collected_results(out: Path) -> tuple[list[GradeRun], list[str]]:
    """Every finished run under ``out`` by submission id, and what is wrong with each file that holds none."""
    runs, unreadable = [], []
    for path in sorted((out / "submissions").glob("*/results.json")):
        try:
            runs.append(load_run(path))
        except ResultsError as exc:
            unreadable.append(str(exc))
    return runs, unreadable


def apply_reviews(out: Path, scores: list[ManualScore]) -> list[str]:
    """Merge reviews into the runs already graded under ``out``, without grading again.

    A finished submission is not graded again when only the reviews changed; its outputs
    are rewritten with the scores applied (idempotent: a score given twice counts once),
    the batch's record (the input hash) kept. Returns the submissions that changed.
    """
    changed = []
    for path in sorted((out / "submissions").glob("*/results.json")):
        try:
            run = load_run(path)
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ResultsError, ValueError):
            continue  # named by the class outputs' pass over the same files
        reviewed = apply_manual_scores(run, scores)
        if reviewed != run:
            record = {key: value for key, value in data.items() if key not in run_to_dict(run)}
            write_submission_outputs(reviewed, path.parent, **record)
            changed.append(run.submission)
    return changed


def cpu_jobs_default() -> int:
    return max(1, (os.cpu_count() or 2) // 2)
