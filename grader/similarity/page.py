"""A SimilarityReport as staff outputs: similarity.html, a side-by-side page per pair and per
source match, and similarity.csv.

Student text and ids only ever reach a page through Jinja2's autoescaping (highlighting cuts
text into plain pieces, the template wraps them) and the spreadsheet through ``csv_cell``.
The pages hold no script: filters are CSS on radio inputs, so they work with JavaScript off,
and each page's Content-Security-Policy forbids every script, so one that got past the
escaping would still not run.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from grader.outputs.escape import csv_cell
from grader.outputs.html import template_environment
from grader.outputs.results import write_text_atomic
from grader.similarity.model import SimilarityReport
from grader.similarity.views import main_view, pair_page, pair_view, source_page, source_view

PAGE, SHEET = "similarity.html", "similarity.csv"
CSV_COLUMNS = ["task", "part", "kind", "a", "b", "score", "matched_lines", "note"]
_NUMBERED_PAGE = re.compile(r"[0-9]+\.html")

_ENVIRONMENT = template_environment("grader.similarity")


def render(template: str, view: dict) -> str:
    return _ENVIRONMENT.get_template(template).render(view=view)


def write_similarity_outputs(report: SimilarityReport, out: Path) -> list[Path]:
    """Every page and the spreadsheet, written atomically into ``out``; returns their paths."""
    written = [_write(out / PAGE, render("similarity.html.j2", main_view(report)))]
    written += [_write(out / pair_page(index), render("pair.html.j2", pair_view(report, pair)))
                for index, pair in enumerate(report.pairs, start=1)]
    written += [_write(out / source_page(index), render("pair.html.j2", source_view(report, match)))
                for index, match in enumerate(report.source_matches, start=1)]
    written.append(_write(out / SHEET, similarity_csv(report)))
    _remove_stale_pages(out, set(written))
    return written


def _write(path: Path, text: str) -> Path:
    write_text_atomic(path, text)
    return path


def _remove_stale_pages(out: Path, written: set[Path]) -> None:
    """An earlier run's numbered pages that this run did not write would show another pair."""
    for folder in ("pairs", "sources"):
        for path in (out / folder).glob("*.html"):
            if _NUMBERED_PAGE.fullmatch(path.name) and path not in written:
                path.unlink()


def similarity_csv(report: SimilarityReport) -> str:
    """One row per pair, then one per source match (``b`` is "reference" or "quiz")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for pair in report.pairs:
        writer.writerow([*_cells(pair.task_id, pair.part, pair.kind, pair.a, pair.b),
                         f"{pair.score:.3f}", pair.matched_lines, csv_cell(pair.note)])
    for match in report.source_matches:
        writer.writerow([*_cells(match.task_id, match.part, match.kind, match.submission, match.source),
                         f"{match.score:.3f}", match.matched_lines, csv_cell(match.source_name)])
    return buffer.getvalue()


def _cells(*texts: str) -> list[str]:
    return [csv_cell(text) for text in texts]
