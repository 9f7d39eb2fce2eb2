"""Class-level outputs built from every submission's results.json (no regrading).

- ``gradebook.csv``: one row per submission: id, totals, points per task, errors;
- ``summary.html``: score histogram, pass rate per task and per check, errored submissions;
- ``review.html`` and ``review-scores.csv``: for every written question, its rubric beside
  every student's answer, and the scores file that ``grader grade --manual`` reads.

Text cells of the CSV files go through ``escape.csv_cell`` (a submission named
``=HYPERLINK(...)`` stays text in a spreadsheet); the numbers are our own and stay numbers.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import defaultdict
from pathlib import Path

from grader.catalog import Catalog
from grader.checks.written import BLOCK_KEY
from grader.course.review import FIELDS
from grader.domain import PART_KINDS, TASK_STATUSES
from grader.outputs.escape import csv_cell
from grader.outputs.html import render
from grader.outputs.results import write_text_atomic
from grader.outputs.views import STATUS_LABELS

BINS = 10


def write_class_outputs(out: Path, results: list[dict], catalog: Catalog) -> list[Path]:
    files = {
        out / "gradebook.csv": gradebook_csv(results, catalog),
        out / "summary.html": render("summary.html.j2", summary_view(results, catalog)),
        out / "review.html": render("review.html.j2", review_view(results, catalog)),
        out / "review-scores.csv": review_scores_csv(results),
    }
    for path, text in files.items():
        write_text_atomic(path, text)
    return list(files)


def gradebook_csv(results: list[dict], catalog: Catalog) -> str:
    task_ids = [task.id for task in catalog.tasks]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["submission", "score", "max_score", "pending_max_score", "percent", "errors",
                     "missing", "problems", *task_ids])
    for result in sorted(results, key=lambda item: item["submission"]):
        by_task = {task["id"]: task for task in result["tasks"]}
        statuses = [task["status"] for task in result["tasks"]]
        writer.writerow([csv_cell(result["submission"]), _num(result["score"]), _num(result["max_score"]),
                         _num(result["pending_max_score"]), _percent(result), statuses.count("error"),
                         statuses.count("missing"), len(result.get("problems", [])),
                         *[_num(by_task[task_id]["score"]) if task_id in by_task else "" for task_id in task_ids]])
    return buffer.getvalue()


def summary_view(results: list[dict], catalog: Catalog) -> dict:
    percents = [_percent(result) for result in results]
    histogram = [0] * BINS
    for value in percents:
        histogram[min(int(value // (100 / BINS)), BINS - 1)] += 1
    return {
        "labels": dict(STATUS_LABELS),
        "count": len(results),
        "mean": round(statistics.fmean(percents), 1) if percents else 0.0,
        "median": round(statistics.median(percents), 1) if percents else 0.0,
        "histogram": [{"label": f"{i * 100 // BINS}–{(i + 1) * 100 // BINS} %", "count": count,
                       "share": count / max(histogram + [1])} for i, count in enumerate(histogram)],
        "tasks": _task_rates(results, catalog),
        "errored": [{"submission": result["submission"], "task": task["id"], "reason": task.get("reason", "")}
                    for result in sorted(results, key=lambda item: item["submission"])
                    for task in result["tasks"] if task["status"] == "error"],
        "problems": [{"submission": result["submission"], "problem": problem}
                     for result in results for problem in result.get("problems", [])],
    }


def _task_rates(results: list[dict], catalog: Catalog) -> list[dict]:
    rows = []
    for task in catalog.tasks:
        entries = [t for result in results for t in result["tasks"] if t["id"] == task.id]
        if not entries:
            continue
        auto_max = sum(entry["max_score"] for entry in entries)
        rows.append({
            "id": task.id, "quiz_task": task.quiz_task, "title": task.title,
            "mean_percent": round(100 * sum(entry["score"] for entry in entries) / auto_max, 1) if auto_max else None,
            "status_counts": {status: sum(entry["status"] == status for entry in entries)
                              for status in TASK_STATUSES},
            "parts": _part_counts(entries),
            "checks": _check_rates(entries),
        })
    return rows


def _check_rates(entries: list[dict]) -> list[dict]:
    """Each auto-graded check's pass rate over the submissions where it was judged."""
    checks: dict[str, list[bool]] = defaultdict(list)
    names: dict[str, str] = {}
    unjudged: dict[str, int] = defaultdict(int)
    for entry in entries:
        for check in entry["checks"]:
            if check["status"] == "pending_review" or check.get("id", "").startswith("written:"):
                continue
            key = check.get("id", check["name"])
            names[key] = check["name"]
            if check["status"] == "not_judged":
                unjudged[key] += 1
            else:
                checks[key].append(check["status"] == "passed")
    return sorted(({"name": names[key], "not_judged": unjudged[key],
                    "rate": round(100 * sum(checks[key]) / len(checks[key]), 1) if checks[key] else None}
                   for key in names), key=lambda row: -1 if row["rate"] is None else row["rate"])


def _part_counts(entries: list[dict]) -> list[dict]:
    """Per part (code, answers, written), how many submissions stand where (results.json "parts")."""
    counts: dict[str, dict[str, int]] = {}
    for entry in entries:
        for part in entry.get("parts", ()):  # results.json written before parts existed has none
            row = counts.setdefault(part["part"], {})
            row[part["status"]] = row.get(part["status"], 0) + 1
    return [{"part": kind, "counts": counts[kind]} for kind in PART_KINDS if kind in counts]


def review_view(results: list[dict], catalog: Catalog) -> dict:
    questions = []
    ordered = sorted(results, key=lambda item: item["submission"])
    for task in catalog.tasks:
        for part in task.written:
            answers, unanswered, in_block = [], [], []
            for result in ordered:
                check = _written_check(result, task.id, part.key)
                block = _written_check(result, task.id, BLOCK_KEY) or {}
                if check is not None and check.get("answer") and not check.get("covers"):
                    answers.append(_answer_row(result, check))
                elif check is not None and not check.get("covers"):
                    unanswered.append(result["submission"])
                elif part.key in block.get("covers", ()):
                    in_block.append(result["submission"])
            questions.append({"task": task.id, "quiz_task": task.quiz_task, "title": task.title,
                              "part": part.key, "points": part.points, "question": part.question,
                              "rubric": list(part.rubric), "answers": answers, "unanswered": unanswered,
                              "in_block": in_block, "block": []})
        blocks = [_answer_row(result, check) for result in ordered
                  if (check := _written_check(result, task.id, BLOCK_KEY)) and check.get("covers")]
        if blocks:
            questions.append(_block_question(task, blocks))
    return {"questions": questions, "fields": list(FIELDS), "labels": dict(STATUS_LABELS)}


def _answer_row(result: dict, check: dict) -> dict:
    return {"submission": result["submission"], "answer": check["answer"], "status": check["status"],
            "points": check["points"], "max_points": check["max_points"], "covers": check.get("covers", [])}


def _block_question(task, answers: list[dict]) -> dict:
    """Answers given in one block for several parts: each reviewed once, up to what it covers."""
    return {"task": task.id, "quiz_task": task.quiz_task, "title": task.title, "part": BLOCK_KEY,
            "points": sum(part.points for part in task.written),
            "question": " ".join(f"({part.key}) {part.question}" for part in task.written),
            "rubric": [f"({part.key}) {item}" for part in task.written for item in part.rubric],
            "answers": answers, "unanswered": [], "in_block": [], "block": [part.key for part in task.written]}


def review_scores_csv(results: list[dict]) -> str:
    """Rows to fill in: every written part awaiting review, points and comment empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(FIELDS)
    for result in sorted(results, key=lambda item: item["submission"]):
        for task in result["tasks"]:
            for check in task["checks"]:
                if check.get("id", "").startswith("written:") and check["status"] == "pending_review":
                    part = check["id"].split(":", 1)[1]
                    writer.writerow([csv_cell(text) for text in (result["submission"], task["id"], part)] + ["", ""])
    return buffer.getvalue()


def _written_check(result: dict, task_id: str, key: str) -> dict | None:
    for task in result["tasks"]:
        if task["id"] == task_id:
            return next((c for c in task["checks"] if c.get("id") == f"written:{key}"), None)
    return None


def _percent(result: dict) -> float:
    total = result["max_score"] + result["pending_max_score"]
    return round(100 * result["score"] / total, 1) if total else 0.0


def _num(value: float) -> str:
    return f"{value:g}"
