"""``grader similarity`` (and ``grader batch --similarity``): pages for staff, never a verdict."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from grader.catalog import Catalog, load_catalog
from grader.domain import TaskSpec
from grader.exit_codes import EXIT_GRADED, EXIT_USAGE
from grader.outputs.escape import terminal
from grader.similarity.model import Thresholds

DEFAULTS = Thresholds()


def add_similarity(commands, catalog_option) -> None:
    similarity = commands.add_parser("similarity", help="similar code and answers across a class (staff)")
    similarity.add_argument("path", type=Path, help="folder of submissions (folders, .zip, .ipynb)")
    similarity.add_argument("--out", type=Path, required=True, help="folder for similarity.html and .csv")
    similarity.add_argument("--tasks", help="comma-separated task ids, e.g. task13,task29")
    add_threshold_options(similarity)
    catalog_option(similarity)
    similarity.set_defaults(command=run_similarity)


def add_threshold_options(command: argparse.ArgumentParser) -> None:
    for name, default in (("code", DEFAULTS.code), ("written", DEFAULTS.written),
                          ("reference", DEFAULTS.reference), ("quiz", DEFAULTS.quiz)):
        command.add_argument(f"--{name}-threshold", type=_share, default=default, metavar="X",
                             help=f"{name}: matched share from 0 to 1 that lists a match (default {default})")
    command.add_argument("--quiz", type=Path, help="the quiz text (default: quiz.txt beside the tasks)")


def run_similarity(args: argparse.Namespace) -> int:
    if not args.path.is_dir():
        print(f"grader: {terminal(str(args.path))}: not a folder of submissions", file=sys.stderr)
        return EXIT_USAGE
    catalog = load_catalog(args.catalog)
    tasks = catalog.select([t.strip() for t in args.tasks.split(",") if t.strip()]) if args.tasks else None
    thresholds = Thresholds(args.code_threshold, args.written_threshold, args.reference_threshold,
                            args.quiz_threshold)
    try:
        write_similarity(args.path, args.out, catalog, tasks, thresholds, args.quiz)
    except ModuleNotFoundError as exc:
        print(f"grader similarity needs {exc.name}, which staff install with the grader "
              "(pip install 'tfgrader[similarity]'); the students' kit goes without it", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_GRADED


def write_similarity(submissions: Path, out: Path, catalog: Catalog, tasks: tuple[TaskSpec, ...] | None = None,
                     thresholds: Thresholds = DEFAULTS, quiz: Path | None = None) -> None:
    """Compare the class in ``submissions`` and write the staff pages into ``out``."""
    from grader.similarity.compare import compare_class  # copydetect: only when asked for
    from grader.similarity.page import write_similarity_outputs

    report = compare_class(submissions, catalog, thresholds, tasks, quiz)
    out.mkdir(parents=True, exist_ok=True)
    write_similarity_outputs(report, out)
    for problem in report.problems:
        print(terminal(f"grader similarity: {problem}"), file=sys.stderr)
    listed = f" ({len(report.pairs)} listed)" if report.unlisted else ""
    print(f"Compared {len(report.submissions)} submissions: "
          f"{len(report.pairs) + sum(report.unlisted.values())} pairs{listed}, "
          f"{len(report.clusters)} groups of 3 or more, {len(report.source_matches)} close to the "
          f"reference or the quiz; wrote {out / 'similarity.html'} and similarity.csv (staff only)")


def _share(text: str) -> float:
    value = float(text)
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"{text}: a share between 0 and 1, such as 0.6")
    return value
