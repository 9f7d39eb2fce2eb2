"""Teaching assistants' scores for written parts, merged into a graded run.

The scores file is one a person edits by hand: CSV with the header
``submission,task,part,points,comment`` or YAML, a list of mappings with those keys.
Rows for other submissions are ignored (one file serves a whole class); a row naming an
unknown task or part, or points outside 0..max, is an error that names file and row.
A question answered in one block takes one row with part ``answer``, up to the total of
the parts the block covers; a row that scores such a question part by part (or a block
that is not there) is an error naming the row, as is one that exceeds what the block covers.
A CSV cell that starts with ``'`` has it removed (``escape.csv_cell_read``): the grader
writes it before text a spreadsheet would take for a formula, the review page's export too.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path

from grader.catalog import Catalog
from grader.checks.scoring import rescore_run, rescore_task
from grader.domain import BLOCK_KEY, CheckResult, GradeRun, TaskScore, written_check_id, written_key
from grader.intake.answers import AnswersError, load_yaml
from grader.outputs.escape import csv_cell_read

FIELDS = ("submission", "task", "part", "points", "comment")


class ReviewError(Exception):
    """The scores file cannot be used as it is; the message names the file and row."""


@dataclass(frozen=True)
class ManualScore:
    submission: str
    task: str
    part: str
    points: float
    comment: str
    where: str  # "reviews.csv, row 4", for messages


def load_manual_scores(path: Path, catalog: Catalog) -> list[ManualScore]:
    rows = _read_rows(path)
    scores, seen = [], {}
    for where, row in rows:
        score = _validated(row, where, catalog)
        key = (score.submission, score.task, score.part)
        if key in seen:
            raise ReviewError(f"{where}: {score.task}.{score.part} of {score.submission} is already "
                              f"scored at {seen[key]}")
        seen[key] = where
        scores.append(score)
    return scores


def _read_rows(path: Path) -> list[tuple[str, dict[str, str]]]:
    """Every row as text with surrounding spaces removed, and where it is (for messages)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")  # not read_text: a CR inside a cell must stay one
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path}: cannot read ({exc})") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        return [(where, {key: _text(value) for key, value in row.items()}) for where, row in _yaml_rows(path, text)]
    return _csv_rows(path, text)


def _csv_rows(path: Path, text: str) -> list[tuple[str, dict[str, str]]]:
    reader, rows = csv.DictReader(io.StringIO(text)), []
    try:
        header = reader.fieldnames or []
        for row in reader:
            rows.append((f"{path.name}, row {len(rows) + 2}",
                         {field: csv_cell_read(_text(row.get(field))) for field in FIELDS}))
    except csv.Error as exc:  # e.g. a field larger than the csv module's limit
        row_number = len(rows) + 2 if reader.line_num else 1  # 0: the header itself
        raise ReviewError(f"{path.name}, row {row_number}: not valid CSV ({exc})") from None
    missing = [field for field in FIELDS[:4] if field not in header]
    if missing:
        raise ReviewError(f"{path}: the header must name {', '.join(FIELDS)} (missing: {', '.join(missing)})")
    return rows


def _yaml_rows(path: Path, text: str) -> list[tuple[str, dict]]:
    try:
        data = load_yaml(text, str(path)) or []
    except AnswersError as exc:
        raise ReviewError(str(exc)) from None
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise ReviewError(f"{path}: expected a list of mappings with keys {', '.join(FIELDS)}")
    return [(f"{path.name}, entry {number}", row) for number, row in enumerate(data, start=1)]


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _validated(row: dict, where: str, catalog: Catalog) -> ManualScore:
    task_id, part_key = row.get("task", ""), row.get("part", "")
    try:
        task = catalog.get(task_id)
    except KeyError:
        raise ReviewError(f"{where}: unknown task {task_id!r}") from None
    maximum = part_maximum(task, part_key)
    if maximum is None:
        known = ", ".join(part.key for part in task.written) or "none"
        block = f"; {BLOCK_KEY} for all of them answered in one block" if _takes_block(task) else ""
        raise ReviewError(f"{where}: {task_id} has no written part {part_key!r} (parts: {known}{block})")
    try:
        points = float(row.get("points", ""))
    except ValueError:
        raise ReviewError(f"{where}: points {row.get('points')!r} is not a number") from None
    if not 0 <= points <= maximum:
        raise ReviewError(f"{where}: {points:g} points for {task_id}.{part_key}, whose maximum is {maximum:g}")
    submission = row.get("submission", "")
    if not submission:
        raise ReviewError(f"{where}: no submission named")
    return ManualScore(submission, task_id, part_key, points, row.get("comment", ""), where)


def part_maximum(task, key: str) -> float | None:
    """The most a row for ``task``.``key`` can give: a part's points, or all parts' for a block."""
    part = next((part for part in task.written if part.key == key), None)
    if part is not None:
        return part.points
    return sum(part.points for part in task.written) if key == BLOCK_KEY and _takes_block(task) else None


def _takes_block(task) -> bool:
    return len(task.written) > 1 and all(part.key != BLOCK_KEY for part in task.written)


def apply_manual_scores(run: GradeRun, scores: list[ManualScore]) -> GradeRun:
    """The run with this submission's reviewed written parts scored."""
    mine = {(score.task, written_check_id(score.part)): score for score in scores if score.submission == run.submission}
    if not mine:
        return run
    for task in run.tasks:
        _check_rows_fit(task, [score for (task_id, _), score in mine.items() if task_id == task.id])
    tasks = [_review_task(task, mine) for task in run.tasks]
    return rescore_run(run, tasks)


def _check_rows_fit(task: TaskScore, scores: list[ManualScore]) -> None:
    """Each row names a written check this submission has, within its points."""
    checks = {check.id: check for check in task.checks if check.part == "written"}
    block = checks.get(written_check_id(BLOCK_KEY))
    for score in scores:
        check = checks.get(written_check_id(score.part))
        if check is None and block is not None and block.covers:
            raise ReviewError(f"{score.where}: {score.submission} answered {task.id} "
                              f"{', '.join(block.covers)} in one block: score it once as part "
                              f"{BLOCK_KEY} (up to {block.max_points:g} points)")
        if check is None:
            parts = ", ".join(written_key(key) or key for key in checks)
            raise ReviewError(f"{score.where}: {score.submission} did not answer {task.id} in one block: "
                              f"score its parts ({parts})")
        if score.points > check.max_points:
            raise ReviewError(f"{score.where}: {score.points:g} points for {task.id}.{score.part} of "
                              f"{score.submission}, whose block covers {', '.join(check.covers)} "
                              f"(maximum {check.max_points:g})")


def _review_task(task: TaskScore, mine: dict) -> TaskScore:
    checks = [_reviewed(check, mine.get((task.id, check.id))) for check in task.checks]
    return rescore_task(task, checks)


def _reviewed(check: CheckResult, score: ManualScore | None) -> CheckResult:
    if score is None:
        return check
    status = "passed" if score.points == check.max_points else "failed"
    comment = f" {score.comment}" if score.comment else ""
    return replace(check, status=status, points=score.points, missing=False,
                   feedback=f"Reviewed by a teaching assistant: {score.points:g}/{check.max_points:g}.{comment}")
