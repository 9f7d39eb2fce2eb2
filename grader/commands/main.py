"""The ``grader`` command: thin argument handling that hands off to the engine.

    grader check [PATH]                    public checks, a summary with hints (students)
    grader grade PATH --out DIR            all checks; results.json and HTML reports (staff)
    grader batch DIR --out OUT [--jobs N]  a whole class: per-submission results, gradebook, summary
                 [--roster CSV] [--course TOML]   students named, deadlines and late penalties
    grader merge OUT SHARD_OUT...          combine the output folders of sharded batch runs
    grader similarity DIR --out OUT        similar code and answers across a class (staff)
    grader export OUT --format canvas      the gradebook for Canvas's (or Moodle's) grade import
    grader release OUT [--reveal feedback] student reports after the deadline, hidden checks named
    grader gradescope                      Gradescope's entry: /autograder/submission -> results.json
    grader classroom [PATH]                GitHub Classroom: public checks as a reporter payload
    grader build-kit --out DIR             the student wheel: engine and public checks only
    grader answers-template                the template's answers.yaml, from the catalog
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from grader.catalog import CatalogError, load_catalog
from grader.commands.export import add_export
from grader.commands.release import add_release
from grader.commands.similarity import add_similarity
from grader.course.review import ReviewError, apply_manual_scores, load_manual_scores
from grader.course.roster import RosterError
from grader.course.settings import CourseError
from grader.engine import GradeOptions, Grader, GraderError
from grader.exit_codes import EXIT_GRADED, EXIT_GRADER_FAILED, EXIT_USAGE
from grader.intake.submission import SubmissionError
from grader.outputs.escape import terminal
from grader.outputs.files import write_submission_outputs
from grader.outputs.terminal import print_summary
from grader.outputs.views import staff_view, student_view
from grader.sandbox.client import WorkerError


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.command(args)
    except (CatalogError, GraderError, WorkerError) as exc:
        print(f"grader: cannot grade: {terminal(str(exc))}", file=sys.stderr)
        return EXIT_GRADER_FAILED
    except (SubmissionError, ReviewError, RosterError, CourseError) as exc:
        print(f"grader: {terminal(str(exc))}", file=sys.stderr)  # messages quote submission paths
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grader", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    for add in (_add_check, _add_grade, _add_batch, _add_merge, _add_gradescope, _add_classroom,
                _add_build_kit, _add_answers_template):
        add(commands)
    add_similarity(commands, _catalog)
    add_export(commands, _catalog)
    add_release(commands, _catalog)
    return parser


CHECK_HELP = """\
where you work:
  a folder of .py files   grader check            (in the folder with your taskNN_*.py and answers.yaml)
  Jupyter or VS Code      save the notebook, then in a cell:
                          import grader.notebook as gn; gn.check("task13")     (gn.check() for all)
  Colab                   !pip install <the kit's URL>, upload answers.yaml to /content, then
                          import grader.notebook as gn; gn.check("task13")

what you read: ✔ passed, ✘ failed (its hint says what to look at), ! your code raised an
error (where, is named), ○ missing (the file, cell tag or answers.yaml key looked for),
… a written answer a teaching assistant reads. Hidden checks run when your work is graded."""


def _add_check(commands) -> None:
    check = commands.add_parser("check", help="run the public checks on your work", epilog=CHECK_HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("path", nargs="?", default=".", type=Path,
                       help="submission folder, .zip or .ipynb (default: .)")
    _common(check)
    check.set_defaults(command=cmd_check)


def _add_grade(commands) -> None:
    grade = commands.add_parser("grade", help="grade one submission with all checks")
    grade.add_argument("path", type=Path, help="submission folder")
    grade.add_argument("--out", type=Path, required=True, help="folder for results.json and reports")
    grade.add_argument("--manual", type=Path, metavar="FILE",
                       help="teaching assistants' scores of written parts (CSV or YAML) to merge in")
    _common(grade)
    grade.add_argument("--junit", type=Path, metavar="FILE", help="also write JUnit XML (all checks)")
    grade.add_argument("--input-sha256", help=argparse.SUPPRESS)  # recorded by batch runs
    grade.set_defaults(command=cmd_grade)


def _add_batch(commands) -> None:
    batch = commands.add_parser("batch", help="grade every submission in a folder (resumable)")
    batch.add_argument("path", type=Path, help="folder of submissions (folders, .zip, .ipynb)")
    batch.add_argument("--out", type=Path, required=True, help="output folder")
    batch.add_argument("--jobs", type=int, default=None, help="submissions graded at once (default: cores/2)")
    batch.add_argument("--shard", help="grade only shard i of N (i/N), for splitting a class")
    batch.add_argument("--docker", metavar="IMAGE", help="grade each submission in its own container")
    batch.add_argument("--manual", type=Path, metavar="FILE", help="teaching assistants' scores to merge in")
    batch.add_argument("--roster", type=Path, metavar="CSV",
                       help="students (id, name, email, github, submission...): the gradebook names them")
    batch.add_argument("--course", type=Path, metavar="TOML",
                       help="course.toml: due date, extensions, late policy (penalty in its own column)")
    batch.add_argument("--similarity", action="store_true",
                       help="also compare the class: similarity.html and similarity.csv (staff only)")
    _common(batch)
    batch.set_defaults(command=cmd_batch)


def _add_merge(commands) -> None:
    merge = commands.add_parser("merge", help="combine sharded batch outputs into one")
    merge.add_argument("out", type=Path, help="the combined output folder")
    merge.add_argument("parts", type=Path, nargs="+", help="output folders of the shards")
    _catalog(merge)
    merge.set_defaults(command=cmd_merge)


def _add_gradescope(commands) -> None:
    gradescope = commands.add_parser("gradescope", help="grade as Gradescope's run_autograder does")
    gradescope.add_argument("--submission", type=Path, default=Path("/autograder/submission"))
    gradescope.add_argument("--results", type=Path, default=Path("/autograder/results/results.json"))
    gradescope.add_argument("--metadata", type=Path, default=Path("/autograder/submission_metadata.json"),
                            help="Gradescope's submission metadata (absent: no resubmission limit)")
    gradescope.add_argument("--course", type=Path, default=Path("/autograder/source/course.toml"),
                            help="course.toml whose [gradescope] section sets the limit (absent: none)")
    _catalog(gradescope)
    gradescope.set_defaults(command=cmd_gradescope)


def _add_classroom(commands) -> None:
    classroom = commands.add_parser("classroom", help="public checks as a GitHub Classroom payload")
    classroom.add_argument("path", nargs="?", default=Path("."), type=Path)
    classroom.add_argument("--time-limit", type=float, default=900.0, help="seconds before giving up")
    classroom.add_argument("--output", help="file to append result=... to (default: $GITHUB_OUTPUT)")
    classroom.add_argument("--summary", help="file to append the Markdown job summary to "
                                             "(default: $GITHUB_STEP_SUMMARY, when set)")
    _catalog(classroom)
    classroom.set_defaults(command=cmd_classroom)


def _add_build_kit(commands) -> None:
    kit = commands.add_parser("build-kit", help="build the student wheel (public checks only)")
    kit.add_argument("--out", type=Path, required=True, help="folder for the wheel")
    _catalog(kit)
    kit.set_defaults(command=cmd_build_kit)


def _add_answers_template(commands) -> None:
    template = commands.add_parser("answers-template", help="print the answers.yaml students start from")
    _catalog(template)
    template.set_defaults(command=cmd_answers_template)


def _catalog(command: argparse.ArgumentParser) -> None:
    """Every command that loads the tasks can be pointed at another catalog (a course's own)."""
    command.add_argument("--catalog", type=Path, help="task catalog folder (default: built in)")


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--tasks", help="comma-separated task ids, e.g. task13,task29")
    _catalog(command)
    command.add_argument("--timeout-scale", type=float, default=1.0, metavar="X",
                         help="multiply every time limit by X (e.g. 2 on a slow machine)")
    command.add_argument("--no-sandbox", action="store_true",
                         help="run student code without isolation (debugging only)")


def _options(args: argparse.Namespace, public_only: bool) -> GradeOptions:
    tasks = tuple(t.strip() for t in args.tasks.split(",") if t.strip()) if args.tasks else None
    return GradeOptions(tasks=tasks, public_only=public_only, isolate=not args.no_sandbox,
                        timeout_scale=args.timeout_scale,
                        submission_seconds=1800.0 * args.timeout_scale)


def cmd_check(args: argparse.Namespace) -> int:
    from grader.compat import framework_problems, installed_version

    for problem in framework_problems():  # before the worker starts: it would fail without TensorFlow
        print(f"warning: {problem}")
    if installed_version("tensorflow") is None:
        return EXIT_GRADER_FAILED
    catalog = load_catalog(args.catalog)
    with Grader(catalog, _options(args, public_only=True)) as grader:
        run = grader.grade(args.path)
    print_summary(student_view(run))
    print("Public checks only: hidden checks run when your work is graded.")
    return EXIT_GRADED


def cmd_grade(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.catalog)
    reviews = load_manual_scores(args.manual, catalog) if args.manual else []
    args.out.mkdir(parents=True, exist_ok=True)
    if args.out.stat().st_uid == os.geteuid():
        os.chmod(args.out, 0o700)  # results belong to whoever grades; the worker's uid cannot enter
    hide = (str(args.out.resolve()),)
    with Grader(catalog, _options(args, public_only=False), hide=hide) as grader:
        run = apply_manual_scores(grader.grade(args.path), reviews)
    record = {"input_sha256": args.input_sha256} if args.input_sha256 else {}
    write_submission_outputs(run, args.out, **record)
    if args.junit:
        from grader.outputs.junit import junit_xml
        from grader.outputs.results import write_text_atomic

        write_text_atomic(args.junit, junit_xml(run))
    print_summary(staff_view(run), hints=False)
    print(f"Wrote {args.out / 'results.json'}, report.html (student) and report-staff.html")
    return EXIT_GRADED


def cmd_build_kit(args: argparse.Namespace) -> int:
    from grader.course.kit import build_kit

    wheel = build_kit(load_catalog(args.catalog), args.out)
    print(f"Built {wheel} (engine and public checks only)")
    return EXIT_GRADED


def cmd_answers_template(args: argparse.Namespace) -> int:
    from grader.course.answers_template import render_answers_template

    sys.stdout.write(render_answers_template(load_catalog(args.catalog)))
    return EXIT_GRADED


def cmd_batch(args: argparse.Namespace) -> int:
    from grader.commands.batch import run_batch

    return run_batch(args, _options(args, public_only=False))


def cmd_merge(args: argparse.Namespace) -> int:
    from grader.commands.batch import run_merge

    return run_merge(args)


def cmd_gradescope(args: argparse.Namespace) -> int:
    from grader.commands.platforms import run_gradescope

    return run_gradescope(args)


def cmd_classroom(args: argparse.Namespace) -> int:
    from grader.commands.platforms import run_classroom

    return run_classroom(args)
