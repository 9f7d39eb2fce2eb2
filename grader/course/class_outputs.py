"""Class-level outputs built from every submission's recorded ``GradeRun`` (no regrading).

- ``gradebook.csv``: one row per student of the roster (or submission): raw score, late
  penalty, final score, submission time and its source, points per task (``gradebook``);
- ``summary.html``: score histogram, pass rate per task and per check, errored submissions;
- ``review.html`` and ``review-scores.csv``: for every written question of the graded tasks,
  its rubric beside every student's answer, and the scores file that ``grader grade --manual`` reads.

``CLASS_OUTPUTS`` names every file and the function that writes it (docs/outputs.md).
Text cells of the CSV files go through ``escape.csv_cell`` (a submission named
``=HYPERLINK(...)`` stays text in a spreadsheet); the numbers are our own and stay numbers.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import statistics
from collections import defaultdict
from pathlib import Path
from typing import Callable

from grader.catalog import Catalog
from grader.course.gradebook import ClassRecord, gradebook_csv, run_percent
from grader.course.review import FIELDS
from grader.domain import (BLOCK_KEY, PART_KINDS, TASK_STATUSES, CheckResult, GradeRun, TaskScore,
                           written_check_id, written_key)
from grader.outputs.escape import csv_cell
from grader.outputs.html import render
from grader.outputs.results import write_text_atomic
from grader.outputs.views import STATUS_LABELS

BINS = 10
ClassOutput = Callable[[ClassRecord], str]  # the class's runs, roster and rules -> the file's text


def write_class_outputs(out: Path, record: ClassRecord) -> list[Path]:
    """Every file ``CLASS_OUTPUTS`` names, written in its order; their paths."""
    paths = []
    for name, output in CLASS_OUTPUTS.items():
        write_text_atomic(out / name, output(record))
        paths.append(out / name)
    return paths


def summary_html(record: ClassRecord) -> str:
    return render("summary.html.j2", summary_view(record.runs, record.catalog))


def summary_view(runs: list[GradeRun], catalog: Catalog) -> dict:
    percents = [run_percent(run) for run in runs]
    histogram = [0] * BINS
    for value in percents:
        histogram[min(int(value // (100 / BINS)), BINS - 1)] += 1
    return {
        "labels": dict(STATUS_LABELS),
        "count": len(runs),
        "mean": round(statistics.fmean(percents), 1) if percents else 0.0,
        "median": round(statistics.median(percents), 1) if percents else 0.0,
        "histogram": [{"label": f"{i * 100 // BINS}–{(i + 1) * 100 // BINS} %", "count": count,
                       "share": count / max(histogram + [1])} for i, count in enumerate(histogram)],
        "tasks": _task_rates(runs, catalog),
        "errored": [{"submission": run.submission, "task": task.id, "reason": task.reason}
                    for run in sorted(runs, key=lambda item: item.submission)
                    for task in run.tasks if task.status == "error"],
        "problems": [{"submission": run.submission, "problem": problem}
                     for run in runs for problem in run.problems],
    }


def _task_rates(runs: list[GradeRun], catalog: Catalog) -> list[dict]:
    rows = []
    for task in catalog.tasks:
        entries = [t for run in runs for t in run.tasks if t.id == task.id]
        if not entries:
            continue
        auto_max = sum(entry.max_score for entry in entries)
        rows.append({
            "id": task.id, "quiz_task": task.quiz_task, "title": task.title,
            "mean_percent": round(100 * sum(entry.score for entry in entries) / auto_max, 1) if auto_max else None,
            "status_counts": {status: sum(entry.status == status for entry in entries)
                              for status in TASK_STATUSES},
            "parts": _part_counts(entries),
            "checks": _check_rates(entries),
        })
    return rows


def _check_rates(entries: list[TaskScore]) -> list[dict]:
    """Each auto-graded check's pass rate over the submissions where it was judged."""
    checks: dict[str, list[bool]] = defaultdict(list)
    names: dict[str, str] = {}
    unjudged: dict[str, int] = defaultdict(int)
    for entry in entries:
        for check in entry.checks:
            if check.status == "pending_review" or written_key(check.id) is not None:
                continue
            names[check.id] = check.name
            if check.status == "not_judged":
                unjudged[check.id] += 1
            else:
                checks[check.id].append(check.status == "passed")
    return sorted(({"name": names[key], "not_judged": unjudged[key],
                    "rate": round(100 * sum(checks[key]) / len(checks[key]), 1) if checks[key] else None}
                   for key in names), key=lambda row: -1 if row["rate"] is None else row["rate"])


def _part_counts(entries: list[TaskScore]) -> list[dict]:
    """Per part (code, answers, written), how many submissions stand where (none in older results.json)."""
    counts: dict[str, dict[str, int]] = {}
    for entry in entries:
        for part in entry.parts:
            row = counts.setdefault(part.kind, {})
            row[part.status] = row.get(part.status, 0) + 1
    return [{"part": kind, "counts": counts[kind]} for kind in PART_KINDS if kind in counts]


def review_html(record: ClassRecord) -> str:
    return render("review.html.j2", review_view(record.runs, record.catalog))


def review_view(runs: list[GradeRun], catalog: Catalog) -> dict:
    """The written questions of the tasks graded in at least one run, with every answer to each."""
    questions = []
    ordered = sorted(runs, key=lambda item: item.submission)
    graded = {task.id for run in runs for task in run.tasks}
    for task in (task for task in catalog.tasks if task.id in graded):
        questions += [_part_question(task, part, ordered) for part in task.written]
        blocks = [_answer_row(run, check) for run in ordered
                  if (check := _written_check(run, task.id, BLOCK_KEY)) and check.covers]
        if blocks:
            questions.append(_block_question(task, blocks))
    return {"questions": questions, "fields": list(FIELDS), "labels": dict(STATUS_LABELS),
            "progress_key": _progress_key(ordered, questions)}


def _progress_key(runs: list[GradeRun], questions: list[dict]) -> str:
    """The browser storage key of this class's review progress: another class's page has its own."""
    listing = {"submissions": [run.submission for run in runs],
               "questions": [f"{q['task']}.{q['part']}" for q in questions]}
    digest = hashlib.sha256(json.dumps(listing, sort_keys=True).encode("utf-8")).hexdigest()
    return f"tfgrader-review-{digest[:20]}"


def _part_question(task, part, runs: list[GradeRun]) -> dict:
    """One written part: the answers given to it, who left it out and who answered it in a block."""
    answers, unanswered, in_block = [], [], []
    for run in runs:
        check = _written_check(run, task.id, part.key)
        block = _written_check(run, task.id, BLOCK_KEY)
        if check is not None and check.answer and not check.covers:
            answers.append(_answer_row(run, check))
        elif check is not None and not check.covers:
            unanswered.append(run.submission)
        elif block is not None and part.key in block.covers:
            in_block.append(run.submission)
    return {"task": task.id, "quiz_task": task.quiz_task, "title": task.title,
            "part": part.key, "points": part.points, "question": part.question,
            "rubric": list(part.rubric), "answers": answers, "unanswered": unanswered,
            "in_block": in_block, "block": []}


def _answer_row(run: GradeRun, check: CheckResult) -> dict:
    return {"submission": run.submission, "answer": check.answer, "status": check.status,
            "points": check.points, "max_points": check.max_points, "covers": list(check.covers)}


def _block_question(task, answers: list[dict]) -> dict:
    """Answers given in one block for several parts: each reviewed once, up to what it covers."""
    return {"task": task.id, "quiz_task": task.quiz_task, "title": task.title, "part": BLOCK_KEY,
            "points": sum(part.points for part in task.written),
            "question": " ".join(f"({part.key}) {part.question}" for part in task.written),
            "rubric": [f"({part.key}) {item}" for part in task.written for item in part.rubric],
            "answers": answers, "unanswered": [], "in_block": [], "block": [part.key for part in task.written]}


def review_scores_file(record: ClassRecord) -> str:
    return review_scores_csv(record.runs)


def review_scores_csv(runs: list[GradeRun]) -> str:
    """Rows to fill in: every written part awaiting review, points and comment empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(FIELDS)
    for run in sorted(runs, key=lambda item: item.submission):
        for task in run.tasks:
            for check in task.checks:
                part = written_key(check.id)
                if part is not None and check.status == "pending_review":
                    writer.writerow([csv_cell(text) for text in (run.submission, task.id, part)] + ["", ""])
    return buffer.getvalue()


def _written_check(run: GradeRun, task_id: str, key: str) -> CheckResult | None:
    for task in run.tasks:
        if task.id == task_id:
            return next((check for check in task.checks if check.id == written_check_id(key)), None)
    return None


# file name -> the function writing it, in the order they are written (docs/outputs.md)
CLASS_OUTPUTS: dict[str, ClassOutput] = {
    "gradebook.csv": gradebook_csv,
    "summary.html": summary_html,
    "review.html": review_html,
    "review-scores.csv": review_scores_file,
}
