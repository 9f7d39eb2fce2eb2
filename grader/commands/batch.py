"""``grader batch`` and ``grader merge``: planning, a progress bar, class outputs."""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
from pathlib import Path

from tqdm import tqdm

from grader.catalog import Catalog, load_catalog
from grader.commands.similarity import write_similarity
from grader.course import batch_worker
from grader.course.batch import (Job, Shard, apply_reviews, collected_results, cpu_jobs_default, discover, local_executor,
                                 plan_jobs, recorded_hash, run_jobs, thread_executor)
from grader.course.class_outputs import write_class_outputs
from grader.course.gradebook import COURSE_FILE, ROSTER_FILE, ClassRecord, gradebook_rows, load_class_record
from grader.course.late import check_roster_extensions
from grader.course.review import load_manual_scores
from grader.course.roster import load_roster
from grader.course.settings import load_course
from grader.course.submitted import record_submission_times
from grader.domain import GradeRun
from grader.engine import GradeOptions
from grader.exit_codes import EXIT_GRADED, EXIT_GRADER_FAILED, EXIT_USAGE
from grader.intake.submission import SubmissionError
from grader.outputs.escape import terminal
from grader.outputs.files import write_ungraded_outputs
from grader.outputs.results import write_text_atomic


def run_batch(args: argparse.Namespace, options: GradeOptions) -> int:
    catalog = load_catalog(args.catalog)
    try:
        shard = Shard.parse(args.shard) if args.shard else None
        if not args.path.is_dir():
            raise ValueError(f"{args.path}: not a folder of submissions")
    except ValueError as exc:
        print(f"grader: {terminal(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    reviews = load_manual_scores(args.manual, catalog) if args.manual else []  # a bad row stops us first
    jobs, done = _plan(args, shard)
    workers = args.jobs or cpu_jobs_default()
    # the jobs share the cores: each worker's TensorFlow gets its share of threads
    options = dataclasses.replace(options, threads=max(1, (os.cpu_count() or 2) // workers))
    print(f"{len(jobs) + len(done)} submissions: {len(done)} already graded, {len(jobs)} to grade "
          f"with {workers} job(s){' in containers' if args.docker else ''}")
    progress = tqdm(total=len(jobs) + len(done), initial=len(done), unit="submission", dynamic_ncols=True)
    failed = []

    def finished(job: Job, error: BaseException | None) -> None:
        progress.update(1)
        if error is not None:
            reason = ungraded_reason(error)
            write_ungraded_outputs(job.out, job.id, reason, input_sha256=job.input_sha256)
            if not isinstance(error, SubmissionError):  # the grader failed, not the submission
                failed.append(job.id)
            progress.write(terminal(f"{job.id}: could not be graded: {reason}"))

    with _executor(args, options, catalog.root, workers) as (executor, grade_one):
        run_jobs(jobs, grade_one, executor, finished)
    progress.close()
    if reviews:
        print(f"Reviews in {args.manual} changed {len(apply_reviews(args.out, reviews))} submission(s) graded before")
    results, unreadable = _write_class_outputs(args.out, catalog)
    print(f"Graded {len(jobs) - len(failed)} now, {len(results)} in {args.out}: gradebook.csv, "
          "summary.html, review.html, review-scores.csv, submissions/<id>/")
    if args.similarity:
        write_similarity(args.path, args.out, catalog, catalog.select(options.tasks) if options.tasks else None)
    return EXIT_GRADER_FAILED if failed or unreadable else EXIT_GRADED


def _plan(args: argparse.Namespace, shard: Shard | None) -> tuple[list[Job], list[str]]:
    """What to grade, with the roster, course file and submission times kept in OUT first."""
    args.out.mkdir(parents=True, exist_ok=True)
    keep_course_files(args.out, args.roster, args.course)
    record_submission_times(shard.select(discover(args.path)) if shard else discover(args.path), args.out)
    return plan_jobs(args.path, args.out, shard)


def _write_class_outputs(out: Path, catalog: Catalog) -> tuple[list[GradeRun], list[str]]:
    """The class outputs of every readable run under ``out``; each file that holds no run is named on stderr."""
    results, unreadable = collected_results(out)
    record = load_class_record(out, results, catalog)
    write_class_outputs(out, record)
    for problem in unreadable:
        print(terminal(f"grader: {problem}: left out of the class outputs"), file=sys.stderr)
    if record.roster is not None:
        print(terminal(roster_summary(record)))
    return results, unreadable


def keep_course_files(out: Path, roster: Path | None, course: Path | None) -> None:
    """Check the roster and course file, then keep copies in ``out`` (merge, release and export read them)."""
    kept_course = load_course(course) if course else None
    if roster:
        checked = load_roster(roster)
        settings = kept_course or (load_course(out / COURSE_FILE) if (out / COURSE_FILE).is_file() else None)
        if settings is not None:
            check_roster_extensions(checked, settings)
        write_text_atomic(out / ROSTER_FILE, roster.read_bytes().decode("utf-8-sig"))
    if course:
        write_text_atomic(out / COURSE_FILE, course.read_text(encoding="utf-8"))


def roster_summary(record: ClassRecord) -> str:
    """One line: how many students handed in, who did not, and what matched nobody."""
    rows = gradebook_rows(record)
    absent = [str(row["student_id"]) for row in rows if row.get("status") == "no submission"]
    unmatched = [str(row["submission"]) for row in rows if str(row.get("status", "")).startswith("unmatched")]
    line = f"Roster: {len(record.roster.students) - len(absent)} of {len(record.roster.students)} students submitted"
    if absent:
        line += f"; no submission: {', '.join(absent)}"
    if unmatched:
        line += f"; matching no student (see gradebook.csv): {', '.join(unmatched)}"
    return line


def ungraded_reason(error: BaseException) -> str:
    """Why a submission has no grade, for its results.json and the gradebook."""
    if isinstance(error, SubmissionError):
        return f"the submission could not be read: {error}"
    return f"grading failed ({type(error).__name__}: {error}); staff can grade it again with the same command"


class _executor:
    """The executor and job function for local processes or for containers."""

    def __init__(self, args: argparse.Namespace, options: GradeOptions, catalog_root: Path, workers: int):
        self.args, self.options, self.catalog_root, self.workers = args, options, catalog_root, workers

    def __enter__(self):
        if self.args.docker:
            from grader.course.containers import ContainerGrader

            self.executor = thread_executor(self.workers)
            runner = ContainerGrader(self.args.docker, self.options, self.args.manual)
            return self.executor, runner.grade_job
        hide = (str(self.args.out.resolve()), str(self.args.path.resolve()))
        manual = str(self.args.manual) if self.args.manual else None
        self.executor = local_executor(self.workers, batch_worker.init,
                                       (str(self.catalog_root), dataclasses.asdict(self.options), hide, manual))
        return self.executor, batch_worker.grade_job

    def __exit__(self, *exc_info: object) -> None:
        self.executor.shutdown(wait=not exc_info[0], cancel_futures=True)


def run_merge(args: argparse.Namespace) -> int:
    """Copy every finished submission of the shard folders into one, then rebuild class outputs."""
    catalog = load_catalog(args.catalog)
    seen: dict[str, Path] = {}
    for part in args.parts:
        for results in sorted((part / "submissions").glob("*/results.json")):
            identifier = results.parent.name
            if identifier in seen and recorded_hash(seen[identifier]) != recorded_hash(results):
                print(terminal(f"grader: {identifier} was graded from different inputs in "
                               f"{seen[identifier].parent.parent.parent} and {part}"), file=sys.stderr)
                return EXIT_USAGE
            seen[identifier] = results
    for identifier, results in sorted(seen.items()):
        _copy_submission(results.parent, args.out / "submissions" / identifier)
    for name in (ROSTER_FILE, COURSE_FILE):
        texts = {(part / name).read_text(encoding="utf-8") for part in args.parts if (part / name).is_file()}
        if len(texts) > 1:
            print(f"grader: the shards were graded with different {name} files", file=sys.stderr)
            return EXIT_USAGE
        for text in texts:
            write_text_atomic(args.out / name, text)
    merged, unreadable = _write_class_outputs(args.out, catalog)
    print(f"Merged {len(merged)} submissions from {len(args.parts)} folder(s) into {args.out}")
    return EXIT_USAGE if unreadable else EXIT_GRADED


def _copy_submission(source: Path, target: Path) -> None:
    """Reports first, results.json last (it marks the submission as done)."""
    target.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir(), key=lambda path: path.name == "results.json"):
        temporary = target / f".{item.name}.merging"
        shutil.copy2(item, temporary)
        temporary.replace(target / item.name)
