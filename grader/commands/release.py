"""``grader release OUT --reveal points|names|feedback``: student reports after the deadline."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path

from grader.commands.export import read_batch_output
from grader.course.release import release_reports
from grader.course.settings import load_course
from grader.exit_codes import EXIT_GRADED, EXIT_USAGE
from grader.outputs.escape import terminal
from grader.outputs.views import REVEAL_LEVELS


def add_release(commands, catalog_option) -> None:
    release = commands.add_parser("release", help="regenerate student reports after the deadline")
    release.add_argument("out", type=Path, help="output folder of `grader batch`")
    release.add_argument("--reveal", choices=REVEAL_LEVELS,
                         help="what reports show of hidden checks (default: course.toml's [release] reveal)")
    release.add_argument("--course", type=Path, metavar="TOML",
                         help="course.toml to use (default: the one `grader batch --course` kept in OUT)")
    catalog_option(release)
    release.set_defaults(command=run_release)


def run_release(args: argparse.Namespace) -> int:
    found = read_batch_output(args)
    if found is None:
        return EXIT_USAGE
    record, unreadable = found
    if args.course is not None:
        record = dataclasses.replace(record, course=load_course(args.course))
    reveal = args.reveal or record.course.reveal
    release = release_reports(args.out, record, reveal, dt.datetime.now(dt.timezone.utc))
    print(f"Released {len(release.released)} report(s) with hidden checks shown as {reveal}.")
    for submission, due in sorted(release.held.items()):
        print(terminal(f"Held back: {submission}, due {due.isoformat(timespec='minutes')}: "
                       "its report keeps points only; run release again after that date."))
    for submission in release.refused:
        print(terminal(f"grader: not released: a results.json names the submission {submission!r}, "
                       "which is not a folder of OUT/submissions"), file=sys.stderr)
    for problem in unreadable:
        print(terminal(f"grader: {problem}"), file=sys.stderr)
    return EXIT_USAGE if unreadable or release.refused else EXIT_GRADED
