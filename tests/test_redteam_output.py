"""Red-team fixtures of kind "output": hostile text that leaves through the grader's outputs.

Each fixture (``tests/redteam/<name>/attack.toml``, ``kind = "output"``) becomes a
submission in ``tmp_path`` (file names holding escape sequences do not belong in git),
graded through the real commands where that is cheap (one or two tasks), and every
output it reaches is checked in that output's format: nothing a terminal acts on in what
is printed, CSV text cells a spreadsheet shows as text and ``--manual`` reads back intact,
JUnit a strict parser accepts, Gradescope Markdown with nothing live in it, YAML that
becomes a problem with line and column instead of a crash.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import tomllib
import xml.parsers.expat
from pathlib import Path

import pytest
from conftest import REFERENCE, run_grader, task_of
import cmarkgfm
from markdown_it import MarkdownIt

from grader.course.review import load_manual_scores
from grader.engine import GradeOptions, Grader
from grader.outputs.escape import FORMULA_STARTS, csv_cell
from grader.outputs.gradescope import gradescope_results
from grader.outputs.junit import junit_xml
from grader.outputs.results import write_json_atomic, write_text_atomic

REDTEAM = Path(__file__).parent / "redteam"
ATTACKS = {path.parent.name: tomllib.loads(path.read_text(encoding="utf-8"))
           for path in sorted(REDTEAM.glob("*/attack.toml"))}
OUTPUT_ATTACKS = {name for name, attack in ATTACKS.items() if attack.get("kind") == "output"}
YAML_ATTACKS = sorted(name for name in OUTPUT_ATTACKS if name.startswith("yaml_"))
# what a terminal acts on: C0 but tab and newline (CR included), DEL, C1, bidi overrides and isolates
ACTED_ON = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
TASK39_MODULE = "task39_receptive_field.py"


def grader(*args: str, env: dict | None = None) -> tuple[int, str, str]:
    """Run the grader command; its output must be valid UTF-8 (a lone surrogate cannot be)."""
    result = run_grader(*args, text=False, timeout=600, env={**os.environ, **(env or {})})
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def fixture(name: str) -> Path:
    return REDTEAM / name


def submission(tmp_path: Path, name: str, folder_name: str = "submission") -> Path:
    """The fixture's files (a notebook under the attack's notebook name) in a folder of their own."""
    folder = tmp_path / folder_name
    folder.mkdir(parents=True)
    for item in fixture(name).iterdir():
        if item.name == "work.ipynb":
            shutil.copy(item, folder / ATTACKS[name]["notebook_name"])
        elif item.name != "attack.toml":
            shutil.copy(item, folder / item.name)
    return folder


def assert_nothing_acted_on(text: str, allow_carriage_return: bool = False) -> None:
    found = {char for char in ACTED_ON.findall(text) if not (allow_carriage_return and char == "\r")}
    assert not found, f"raw control characters reached the terminal: {sorted(map(repr, found))}"


def test_every_output_fixture_is_graded_here():
    graded = {"csv_formula_names", "terminal_escapes_in_names", "batch_progress_escapes",
              "markdown_in_problems", "xml_control_characters", "surrogates_in_answers_and_messages",
              "actions_workflow_commands", "answers_lint_injection", "job_summary_markdown", *YAML_ATTACKS}
    assert OUTPUT_ATTACKS == graded and len(YAML_ATTACKS) >= 4
    assert all({"attack", "stopped_by", "task", "kind"} <= set(ATTACKS[name]) for name in OUTPUT_ATTACKS)


def test_formula_names_stay_text_in_every_csv_and_read_back(catalog, tmp_path):
    names = ATTACKS["csv_formula_names"]["names"]
    for name in names:
        (tmp_path / "class" / name).mkdir(parents=True)
        for file in (TASK39_MODULE, "answers.yaml"):
            shutil.copy(REFERENCE / file, tmp_path / "class" / name / file)
    code, _, stderr = grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--tasks", "task39",
                             "--jobs", "1")
    assert code == 0, stderr[-2000:]
    for table in ("gradebook.csv", "review-scores.csv"):
        with open(tmp_path / "out" / table, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert {row["submission"] for row in rows} == {csv_cell(name) for name in names}
        assert not [cell for row in rows for cell in row.values() if cell.startswith(FORMULA_STARTS)]
    with open(tmp_path / "out" / "review-scores.csv", newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    with open(tmp_path / "filled.csv", "w", newline="", encoding="utf-8") as handle:  # as a TA fills it in
        csv.writer(handle).writerows([header] + [row[:3] + ["1", ""] for row in rows if row[2] == "key_idea"])
    scores = load_manual_scores(tmp_path / "filled.csv", catalog)
    assert {score.submission for score in scores} == set(names)
    code, _, stderr = grader("grade", str(tmp_path / "class" / names[0]), "--out", str(tmp_path / "one"),
                             "--tasks", "task39", "--manual", str(tmp_path / "filled.csv"))
    assert code == 0, stderr[-2000:]
    checks = json.loads((tmp_path / "one" / "results.json").read_text())["tasks"][0]["checks"]
    reviewed = next(check for check in checks if check["id"] == "written:key_idea")
    assert reviewed["points"] == 1 and "Reviewed by a teaching assistant" in reviewed["feedback"]


@pytest.mark.parametrize("command", ["check", "grade"])
def test_escape_sequences_in_a_notebook_name_never_reach_the_terminal(command, tmp_path):
    folder = submission(tmp_path, "terminal_escapes_in_names")
    extra = ["--out", str(tmp_path / "out")] if command == "grade" else []
    code, stdout, stderr = grader(command, str(folder), "--tasks", "task39", *extra)
    assert code == 0, stderr[-2000:]
    assert_nothing_acted_on(stdout + stderr)
    scores = [line for line in stdout.splitlines() if line.startswith("Score:")]
    assert len(scores) == 1 and scores[0].startswith("Score: 0 / ")  # ours, the only one
    assert "problem: \\x1b[2J\\x1b[H\\x1b[32mScore: 282 \u2215 282" in stdout  # the name, shown as text
    if command == "check":
        assert "\\x9b8m\\u202e" in stdout  # the exception message, shown as text


def test_batch_progress_lines_show_escape_sequences_as_text(tmp_path):
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / ATTACKS["batch_progress_escapes"]["link_name"]).symlink_to(tmp_path / "gone")
    code, stdout, stderr = grader("batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"),
                                  "--tasks", "task39", "--jobs", "1")
    assert code == 0 and "could not be graded" in stdout, stdout[-2000:]  # the submission's fault, not ours
    assert "\\x1b[2J\\x1b[HAll 40 submissions graded" in stdout
    (results,) = (tmp_path / "out" / "submissions").glob("*/results.json")
    assert json.loads(results.read_text(encoding="utf-8"))["status"] == "error"
    assert_nothing_acted_on(stdout)
    assert_nothing_acted_on(stderr, allow_carriage_return=True)  # the progress bar redraws with CR


def test_markdown_in_problems_stays_literal_on_gradescope(tmp_path):
    folder = submission(tmp_path, "markdown_in_problems")
    code, _, stderr = grader("gradescope", "--submission", str(folder), "--results", str(tmp_path / "results.json"))
    assert code == 0, stderr[-2000:]
    output = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["output"]
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(output)
    assert not re.search(r"<(img|a|b|h[1-6]|script|em)\b", html), html
    assert html.count("<strong>") == 1  # our own score line
    codes = re.findall(r"<code>(.*?)</code>", html, flags=re.S)
    assert any("![pixel](https:evil.example?p.png)" in text and "tagged task99" in text for text in codes)
    assert any("![pixel](https://evil.example/p.png) &lt;b&gt;x&lt;/b&gt;\\n\\n# Auto-graded" in text
               and "appears twice" in text for text in codes)


def test_junit_from_control_characters_passes_a_strict_parser(tmp_path):
    folder = submission(tmp_path, "xml_control_characters", ATTACKS["xml_control_characters"]["folder_name"])
    code, stdout, stderr = grader("grade", str(folder), "--out", str(tmp_path / "out"), "--tasks", "task39",
                                  "--junit", str(tmp_path / "junit.xml"))
    assert code == 0, stderr[-2000:]
    document = (tmp_path / "junit.xml").read_bytes()
    xml.parsers.expat.ParserCreate().Parse(document, True)  # expat enforces XML 1.0's Char production
    assert b"NUL \\x00 ESC \\x1b[31m VT \\x0b FFFE \\ufffe FFFF \\uffff" in document
    assert_nothing_acted_on(stdout + stderr)


@pytest.fixture(scope="module")
def in_process(catalog):
    """One grader for the fixtures graded without a command (their crash was in this process)."""
    with Grader(catalog, GradeOptions(tasks=("task38", "task39"))) as shared:
        yield shared


@pytest.mark.parametrize("name", YAML_ATTACKS)
def test_yaml_that_pyyaml_constructs_badly_never_crashes_the_grader(name, in_process, tmp_path):
    folder = submission(tmp_path, name)
    shutil.copy(REFERENCE / TASK39_MODULE, folder / TASK39_MODULE)
    run = in_process.grade(folder)
    task39 = task_of(run, "task39")
    assert all(check.status == "passed" for check in task39.checks if not check.id.startswith("written:"))
    written = next(check for check in task39.checks if check.id == "written:key_idea")
    expected_problem = ATTACKS[name].get("expect_problem")
    if expected_problem:
        assert any(problem.startswith(expected_problem) for problem in run.problems), run.problems
        assert expected_problem in written.feedback and written.status == "failed"
    else:  # the text stays exactly what the student wrote, awaiting review
        written_text = (folder / "answers.yaml").read_text().split("key_idea: ", 1)[1].strip()
        assert written.status == "pending_review" and written.answer == written_text
        assert not run.problems


def test_number_like_structured_answers_are_read_or_refused_with_a_reason(in_process, tmp_path):
    date_run = in_process.grade(submission(tmp_path / "date", "yaml_date_answer"))
    assert task_of(date_run, "task38").score == task_of(date_run, "task38").max_score  # '(32, ...)', '32x32'
    huge = task_of(in_process.grade(submission(tmp_path / "huge", "yaml_huge_integer")), "task38")
    conv = next(check for check in huge.checks if check.id == "test_convolution_output_shape")
    assert conv.status == "failed" and conv.feedback


def test_surrogates_in_answers_and_messages_cost_no_output(in_process, tmp_path):
    folder = submission(tmp_path, "surrogates_in_answers_and_messages")
    code, stdout, stderr = grader("grade", str(folder), "--out", str(tmp_path / "out"), "--tasks", "task39",
                                  "--junit", str(tmp_path / "junit.xml"))
    assert code == 0, stderr[-2000:]
    for name in ("results.json", "report.html", "report-staff.html"):
        (tmp_path / "out" / name).read_text(encoding="utf-8")  # written, and valid UTF-8
    answers = [check.get("answer") for task in json.loads((tmp_path / "out" / "results.json").read_text())["tasks"]
               for check in task["checks"]]
    assert "fields grow \ufffd with depth" in answers
    xml.parsers.expat.ParserCreate().Parse((tmp_path / "junit.xml").read_bytes(), True)
    code, stdout, stderr = grader("check", str(folder), "--tasks", "task39")
    assert code == 0 and "ValueError: lone" in stdout, stderr[-2000:]
    run = in_process.grade(folder)
    write_json_atomic(tmp_path / "gradescope.json", gradescope_results(run))
    write_text_atomic(tmp_path / "junit-in-process.xml", junit_xml(run))
    assert json.loads((tmp_path / "gradescope.json").read_text(encoding="utf-8"))["tests"]


def test_workflow_commands_are_fenced_in_an_actions_log(tmp_path):
    folder = submission(tmp_path, "actions_workflow_commands")
    code, stdout, stderr = grader("classroom", str(folder), "--output", str(tmp_path / "github_output"),
                                  env={"GITHUB_ACTIONS": "true"})
    assert code == 0, stderr[-2000:]
    lines = stdout.splitlines()
    opening = next(number for number, line in enumerate(lines) if line.startswith("::stop-commands::"))
    token = lines[opening].removeprefix("::stop-commands::")
    closing = lines.index(f"::{token}::")
    assert len(token) >= 32 and token != "guess"
    commands = [number for number, line in enumerate(lines) if line.lstrip().startswith("::")]
    assert commands[0] == opening and commands[-1] == closing and len(commands) > 2
    assert any("::error file=grader.py" in line for line in lines[opening:closing])
    assert "Advisory" in lines[closing - 1]
    assert (tmp_path / "github_output").read_text().startswith("result=")


def test_markdown_in_a_message_stays_text_in_the_job_summary(tmp_path):
    folder = submission(tmp_path, "job_summary_markdown")
    code, _, stderr = grader("classroom", str(folder), "--output", str(tmp_path / "github_output"),
                             env={"GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")})
    assert code == 0, stderr[-2000:]
    html = cmarkgfm.github_flavored_markdown_to_html((tmp_path / "summary.md").read_text(encoding="utf-8"))
    assert not re.search(r"<(img|a|script|em|code|h[14-6])\b", html), html
    assert html.count("<h2>") == 1 and "282 / 282 points" not in re.findall(r"<h2>(.*?)</h2>", html)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    assert rows and all(row.count("<td") in (0, 4) for row in rows)  # no | of the message made a cell
    assert "fake check" not in "".join(re.findall(r"<td[^>]*>(.*?)</td>", html))
    hint = next(line for line in html.splitlines() if "evil.example/p.png" in line)
    assert "![pixel](https://evil.example/p.png) &lt;img src=x onerror=alert(1)&gt;" in hint
    assert "**Score 282 of 282** `code` &amp;amp; &amp;#60;b&amp;#62;" in hint and "ta@\u2060evil.example" in hint


def test_answers_yaml_keys_the_lint_repeats_stay_text(tmp_path):
    folder = submission(tmp_path, "answers_lint_injection")
    code, stdout, stderr = grader("check", str(folder), "--tasks", "task39,task42")
    assert code == 0, stderr[-2000:]
    assert_nothing_acted_on(stdout + stderr)
    assert not [line for line in stdout.splitlines() if line.lstrip().startswith("::")]
    warnings = [line for line in stdout.splitlines() if line.startswith("warning: answers.yaml, line ")]
    assert len(warnings) == 6 and "\\x1b[2J\\x1b[H\\x1b[32mScore: 99 / 99" in warnings[0]
    assert [line for line in stdout.splitlines() if line.startswith("Score:")] == [
        next(line for line in stdout.splitlines() if line.startswith("Score: 2 / "))]
    code, _, stderr = grader("grade", str(folder), "--out", str(tmp_path / "out"), "--tasks", "task39,task42")
    assert code == 0, stderr[-2000:]
    for page in ("report.html", "report-staff.html"):
        html = (tmp_path / "out" / page).read_text(encoding="utf-8")
        assert "<script>" not in html and "<img" not in html and "&lt;img src=x" in html
    results = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    assert len(results["warnings"]) == 6
