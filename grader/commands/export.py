"""``grader export OUT --format canvas|moodle|csv``: a batch's gradebook for the LMS's import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from grader.catalog import load_catalog
from grader.course.batch import collected_results
from grader.course.export import EXPORT_FORMATS, ExportError, export_problems, export_text
from grader.course.gradebook import ClassRecord, load_class_record
from grader.exit_codes import EXIT_GRADED, EXIT_USAGE
from grader.outputs.escape import terminal
from grader.outputs.results import write_text_atomic


def add_export(commands, catalog_option) -> None:
    export = commands.add_parser("export", help="the gradebook in Canvas's or Moodle's import format")
    export.add_argument("out", type=Path, help="output folder of `grader batch` (with --roster)")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS, dest="form")
    export.add_argument("--to", type=Path, metavar="FILE", help="where to write (default: OUT/export-FORMAT.csv)")
    catalog_option(export)
    export.set_defaults(command=run_export)


def read_batch_output(args: argparse.Namespace) -> tuple[ClassRecord, list[str]] | None:
    """The class record of ``args.out`` and its unreadable results files; None (said) if it is no batch's output."""
    if not (args.out / "submissions").is_dir():
        print(f"grader: {terminal(str(args.out))}: not the output folder of `grader batch`", file=sys.stderr)
        return None
    runs, unreadable = collected_results(args.out)
    return load_class_record(args.out, runs, load_catalog(args.catalog)), unreadable


def run_export(args: argparse.Namespace) -> int:
    found = read_batch_output(args)
    if found is None:
        return EXIT_USAGE
    record, unreadable = found
    try:
        text = export_text(record, args.form)
    except ExportError as exc:
        print(f"grader: {exc}", file=sys.stderr)
        return EXIT_USAGE
    target = args.to or args.out / f"export-{args.form}.csv"
    write_text_atomic(target, text)
    for problem in [*unreadable, *export_problems(record)]:
        print(terminal(f"grader: {problem}"), file=sys.stderr)
    print(f"Wrote {target} ({args.form}, {len(record.runs)} graded submissions)")
    return EXIT_USAGE if unreadable else EXIT_GRADED
