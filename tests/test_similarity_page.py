"""Similarity findings as staff outputs: the class page, a side-by-side page per pair, the CSV.

Reports are built by hand (the engine is tested elsewhere) with student text that tries to
be markup, a template, a formula or a terminal command, and with spans at the edges of the
text, overlapping and out of range. The last tests render the pages in Debian's Chromium:
highlights, student script shown as text, filters that work without JavaScript, screenshots.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import struct
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from grader.outputs.escape import csv_cell_read
from grader.similarity.highlight import numbered_lines
from grader.similarity.model import (CODE, QUIZ, REFERENCE, WRITTEN, Cluster, Document, PairMatch,
                                     SimilarityReport, SourceMatch, Thresholds, merge_spans)
from grader.similarity.page import CSV_COLUMNS, write_similarity_outputs
from grader.similarity.views import DISCLAIMER

SCRIPT = "<script>alert(1)</script>"
CODE_A = (f"{SCRIPT}\nimport tensorflow as tf\n\ndef build(x):\n"
          "    s = \"</textarea>\" + '\"\\'&'  # {{ x }} {% if %}\n"
          "    return tf.keras.layers.Conv2D(32, 3)(x)\n")
CODE_B = (f"{SCRIPT}\nimport tensorflow as tf\n\ndef make(y):\n"
          "    t = \"</textarea>\" + '\"\\'&'\n    return tf.keras.layers.Conv2D(32, 3)(y)\n")
CODE_C = "import tensorflow as tf\n\ndef net(z):\n    return tf.keras.layers.Conv2D(32, 3)(z)"
WRITTEN_A = ("Überanpassung: the model memorises the training set — 過学習. \x1b[31mred\x1b[0m "
             "and \u202eevil\u202c\n" + "long " * 400 + "\n")
HOSTILE = "<img src=x onerror=\"document.title='PWNED'\">"
WRITTEN_D = f"The model memorises the training set — 過学習, and fails on new data. {HOSTILE}\n"
PIPE_A = "ds = ds.map(f).batch(32)\nds = ds.prefetch(1)\n"
PIPE_B = "ds = ds.map(g).batch(32)\r\nds = ds.prefetch(1)\r\n"
FORMULA_ID, MARKUP_ID = "=HYPERLINK(\"http://x\",\"y\")", "<i>mallory</i>"


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def make_report() -> SimilarityReport:
    """Three parts in three tasks, five pairs, a cluster, a reference and a quiz match."""
    docs = [Document("alice", "task29_cnn", CODE, "task29", CODE_A, "task29_cnn.py"),
            Document("bob", "task29_cnn", CODE, "task29", CODE_B, "task29_cnn.py"),
            Document(MARKUP_ID, "task29_cnn", CODE, "task29", CODE_C, "task29_cnn.py"),
            Document("alice", "task08.a", WRITTEN, "task08", WRITTEN_A, "answers.yaml"),
            Document(FORMULA_ID, "task08.a", WRITTEN, "task08", WRITTEN_D, "homework.ipynb, cells 4, 6"),
            Document("alice", "task13_pipeline", CODE, "task13", PIPE_A, "task13_pipeline.py"),
            Document("bob", "task13_pipeline", CODE, "task13", PIPE_B, "task13_pipeline.py")]
    tail = _span(CODE_A, "tf.keras.layers.Conv2D(32, 3)(x)\n")
    pairs = [
        # the very start, overlapping spans, the very end; b's span crosses a line break
        PairMatch("task29_cnn", CODE, "task29", "alice", "bob", 0.91,
                  ((0, 10), (5, 40), _span(CODE_A, '"</textarea>"'), tail),
                  ((0, len(SCRIPT) + 24), _span(CODE_B, "tf.keras.layers.Conv2D(32, 3)(y)\n")), 4, "note: <b>"),
        PairMatch("task29_cnn", CODE, "task29", "alice", MARKUP_ID, 0.72, (tail,),
                  (_span(CODE_C, "tf.keras.layers.Conv2D(32, 3)(z)"),), 1),
        PairMatch("task29_cnn", CODE, "task29", "bob", MARKUP_ID, 0.66, ((len(CODE_B) - 10, len(CODE_B)),),
                  ((len(CODE_C) - 10, len(CODE_C)),), 1),
        PairMatch("task08.a", WRITTEN, "task08", "alice", FORMULA_ID, 0.55,
                  (_span(WRITTEN_A, "the model memorises the training set — 過学習"),),
                  (_span(WRITTEN_D, "model memorises the training set — 過学習"),), 1, "=1+1"),
        # spans out of range, reversed and empty: clipped, dropped, never a crash
        PairMatch("task13_pipeline", CODE, "task13", "alice", "bob", 0.83,
                  ((-5, 3), (7, 3), (20, 10_000), (4, 4)), ((0, 99_999),), 2),
    ]
    reference = SourceMatch("task29_cnn", CODE, "task29", "alice", REFERENCE, "reference/task29_cnn.py", 0.8,
                            (tail,), "def build(x):\n    return tf.keras.layers.Conv2D(32, 3)(x)  # <script>\n",
                            ((18, 60), (50, 500)), matched_lines=1)
    quiz = SourceMatch("task08.a", WRITTEN, "task08", FORMULA_ID, QUIZ, "quiz.txt, Task 8", 0.6,
                       (_span(WRITTEN_D, "memorises the training set"),))
    return SimilarityReport(
        thresholds=Thresholds(code=0.6, written=0.5, reference=0.6, quiz=0.5), submissions=("alice", "bob", MARKUP_ID, FORMULA_ID, "eve"),
        documents={(d.submission, d.part): d for d in docs}, pairs=pairs,
        clusters=[Cluster("task29_cnn", CODE, "task29", ("alice", "bob", MARKUP_ID), 0.91, 0.66)],
        source_matches=[reference, quiz], problems=["eve: homework.ipynb is not JSON <b>here</b>"])


@pytest.fixture(scope="module")
def report() -> SimilarityReport:
    return make_report()


@pytest.fixture(scope="module")
def out(report, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("similarity")
    write_similarity_outputs(report, folder)
    return folder


class Sides(HTMLParser):
    """Each side's lines as shown, and the text inside each ``<mark data-span=k>``."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.sides: list[dict] = []
        self._in_code, self._mark = False, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("class") == "side":
            self.sides.append({"lines": [], "marks": {}})
        elif tag == "code" and self.sides:
            self._in_code = True
            self.sides[-1]["lines"].append("")
        elif tag == "mark":
            assert self._in_code and self._mark is None, "a mark outside code or inside another mark"
            self._mark = int(attrs["data-span"])

    def handle_endtag(self, tag):
        if tag == "code":
            self._in_code = False
        elif tag == "mark":
            self._mark = None

    def handle_data(self, data):
        if self._in_code:
            self.sides[-1]["lines"][-1] += data
            if self._mark is not None:
                marks = self.sides[-1]["marks"]
                marks[self._mark] = marks.get(self._mark, "") + data


def _html_files(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def _rows(out: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO((out / "similarity.csv").read_text(encoding="utf-8"))))


def test_it_writes_the_page_the_sheet_and_one_page_per_pair_and_source_match(report, out):
    written = write_similarity_outputs(report, out)
    names = sorted(str(path.relative_to(out)) for path in written)
    assert names == sorted(["similarity.html", "similarity.csv", *[f"pairs/{n}.html" for n in range(1, 6)],
                            "sources/1.html", "sources/2.html"])
    assert all(path.is_file() for path in written)


def test_no_student_markup_reaches_any_page_and_the_text_shows_escaped(out):
    assert "<script" not in (out / "similarity.csv").read_text(encoding="utf-8")  # ids and notes only
    for path in _html_files(out):
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text.lower(), f"{path.name} holds a script tag"
        assert "</textarea>" not in text and "<i>mallory" not in text and "<b>" not in text, path.name
        assert "<img" not in text and "PWNED'\">" not in text, path.name
        assert "\x1b" not in text and "\u202e" not in text, f"{path.name} holds a raw control character"
    pair = (out / "pairs" / "1.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pair and "&lt;/textarea&gt;" in pair
    assert "{{ x }} {% if %}" in pair and "&#34;" in pair and "&amp;" in pair  # template syntax as text
    main = (out / "similarity.html").read_text(encoding="utf-8")
    policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
    assert all(policy in path.read_text(encoding="utf-8") for path in _html_files(out))  # no script may run
    assert "&lt;i&gt;mallory&lt;/i&gt;" in main and "&lt;b&gt;here&lt;/b&gt;" in main


def test_each_side_shows_the_whole_text_and_marks_exactly_the_merged_spans(report, out):
    for index, pair in enumerate(report.pairs, start=1):
        sides = Sides((out / "pairs" / f"{index}.html").read_text(encoding="utf-8")).sides
        assert len(sides) == 2
        for side, who, spans in zip(sides, (pair.a, pair.b), (pair.a_spans, pair.b_spans)):
            text = report.document(who, pair.part).text
            if "\x1b" not in text:
                assert "\n".join(side["lines"]) == text.replace("\r\n", "\n").removesuffix("\n")
                expected = [text[start:end].replace("\r", "").replace("\n", "")
                            for start, end in merge_spans(spans, len(text))]
                assert [side["marks"][k] for k in sorted(side["marks"])] == expected


def test_overlapping_touching_reversed_and_out_of_range_spans_are_clipped_and_merged():
    assert merge_spans([(5, 10), (-3, 2), (8, 12), (12, 14), (20, 99), (7, 3), (4, 4)], 22) == \
        [(0, 2), (5, 14), (20, 22)]
    assert merge_spans([(30, 40)], 10) == [] and merge_spans([], 0) == []
    lines = numbered_lines("ab\ncd", [(0, 99)])
    assert [[(p.text, p.span) for p in line.pieces] for line in lines] == [[("ab", 0)], [("cd", 0)]]


def test_control_and_bidi_characters_show_as_escapes_and_long_lines_stay_one_line(report, out):
    page = (out / "pairs" / "4.html").read_text(encoding="utf-8")
    assert "\\x1b[31mred\\x1b[0m" in page and "\\u202eevil\\u202c" in page
    assert "Überanpassung" in page and "過学習" in page
    assert "long " * 400 in page  # one line, scrolled sideways, not cut
    lines = numbered_lines("a\r\nb\rc\r\n", [])
    assert [line.pieces[0].text for line in lines] == ["a", "b\\rc"]


def test_the_page_says_what_similarity_means_the_thresholds_and_the_unreadable(out):
    page = unescape((out / "similarity.html").read_text(encoding="utf-8"))
    assert DISCLAIMER in page and "reason to look, not proof" in page
    for name, value in (("code", 60), ("written answers", 50), ("hidden reference", 60), ("quiz's model answer", 50)):
        assert f"{name}: {value} %" in re.sub(r"<[^>]+>", "", page)
    assert "eve: homework.ipynb is not JSON <b>here</b>" in page
    assert "Close to the hidden reference (staff only)" in page and "Close to the quiz's model answer" in page
    assert "Clusters" in page and "alice, bob, <i>mallory</i>" in page


def test_pairs_are_ranked_per_task_and_part_and_every_row_links_to_its_own_page(report, out):
    page = (out / "similarity.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(pairs/[^"]+)"', page)
    assert sorted(links) == sorted(f"pairs/{n}.html" for n in range(1, 6))
    assert all((out / link).is_file() for link in links + re.findall(r'href="(sources/[^"]+)"', page))
    task29 = page[page.index('aria-label="task29"'):page.index("Clusters:")]
    assert re.findall(r"(\d+) %</span></td>", task29) == ["91", "72", "66"]
    assert page.index('aria-label="task08"') < page.index('aria-label="task13"') < page.index('aria-label="task29"')
    for index, pair in enumerate(report.pairs, start=1):
        pair_page = unescape((out / "pairs" / f"{index}.html").read_text(encoding="utf-8"))
        assert f">{pair.a}<" in pair_page and f">{pair.b}<" in pair_page
        assert "../similarity.html" in pair_page


def test_the_filters_are_css_on_radio_inputs_and_every_row_carries_its_task_and_levels(out):
    page = (out / "similarity.html").read_text(encoding="utf-8")
    assert "<script" not in page and re.findall(r"<[^>]*\son\w+\s*=", page) == []  # no handler either
    assert page.count('type="radio" name="task"') == 4 and page.count('type="radio" name="min"') == 6
    assert "#f-t3:checked ~ main .row:not(.t3)" in page and "#f-m90:checked ~ main .row:not(.m90)" in page
    assert 'class="row t3 m50 m60 m70 m80 m90"' in page  # task29 (third by id), 91 %


def test_the_csv_has_one_row_per_pair_then_per_source_match_with_formulas_disarmed(report, out):
    rows = _rows(out)
    assert list(rows[0]) == CSV_COLUMNS == ["task", "part", "kind", "a", "b", "score", "matched_lines", "note"]
    assert len(rows) == len(report.pairs) + len(report.source_matches)
    assert rows[0] == {"task": "task29", "part": "task29_cnn", "kind": "code", "a": "alice", "b": "bob",
                       "score": "0.910", "matched_lines": "4", "note": "note: <b>"}
    formula = rows[3]
    assert formula["b"] == "'" + FORMULA_ID and csv_cell_read(formula["b"]) == FORMULA_ID
    assert formula["note"] == "'=1+1"
    sources = rows[len(report.pairs):]
    assert [(row["a"], row["b"], row["note"]) for row in sources] == [
        ("alice", "reference", "reference/task29_cnn.py"), ("'" + FORMULA_ID, "quiz", "quiz.txt, Task 8")]
    assert sources[0]["matched_lines"] == "1"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


def test_a_source_match_shows_the_student_text_and_the_source_with_its_spans(out):
    sides = Sides((out / "sources" / "1.html").read_text(encoding="utf-8")).sides
    student, source = sides
    assert list(student["marks"].values()) == ["tf.keras.layers.Conv2D(32, 3)(x)"]
    assert list(source["marks"].values()) == ["return tf.keras.layers.Conv2D(32, 3)(x)  # <script>"]
    quiz = (out / "sources" / "2.html").read_text(encoding="utf-8")
    assert "The text is not available." in quiz and "memorises the training set</mark>" in quiz


def test_a_missing_document_and_an_empty_report_still_render(tmp_path):
    report = make_report()
    del report.documents[("bob", "task29_cnn")]
    write_similarity_outputs(report, tmp_path / "missing")
    assert "The text is not available." in (tmp_path / "missing" / "pairs" / "1.html").read_text()
    empty = SimilarityReport(thresholds=Thresholds(code=0.75), submissions=())
    written = write_similarity_outputs(empty, tmp_path / "empty")
    page = (tmp_path / "empty" / "similarity.html").read_text()
    assert len(written) == 2 and "No pair of submissions is above the thresholds." in page and "75 %" in page


def test_a_second_run_removes_the_numbered_pages_the_first_left(tmp_path):
    report = make_report()
    write_similarity_outputs(report, tmp_path)
    (tmp_path / "pairs" / "notes.html").write_text("a TA's own file")
    report.pairs = report.pairs[:2]
    write_similarity_outputs(report, tmp_path)
    assert sorted(path.name for path in (tmp_path / "pairs").iterdir()) == ["1.html", "2.html", "notes.html"]



def test_the_same_report_gives_the_same_bytes(tmp_path):
    first = write_similarity_outputs(make_report(), tmp_path / "first")
    second = write_similarity_outputs(make_report(), tmp_path / "second")
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]

# --- In a real browser: Debian's Chromium, headless ------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def browser(tmp_path):
    """Runs Chromium with a new empty profile each time; skips without it, except on CI."""
    if not CHROMIUM.is_file():
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail("CI is set but /usr/bin/chromium is missing: .ci/run installs it when run as root")
        pytest.skip("no /usr/bin/chromium (Debian's package: apt-get install -y chromium); CI installs it")
    profiles = iter(range(1_000))

    def run(*args: str) -> str:
        profile = tmp_path / f"profile-{next(profiles)}"
        profile.mkdir()
        result = subprocess.run([str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"chromium exited {result.returncode}: {result.stderr[-2000:]}"
        return result.stdout
    return run


def test_in_chromium_marks_render_and_student_script_stays_text(browser, out):
    page = out / "pairs" / "1.html"
    dom = browser("--dump-dom", page.as_uri())
    assert "<script" not in dom.lower() and "<img" not in dom, "student text became an element"
    assert '<mark data-span="0">&lt;script&gt;alert(1)&lt;/script&gt;</mark>' in dom
    assert dom.count("<mark") == page.read_text(encoding="utf-8").count("<mark") > 0
    assert "&lt;/textarea&gt;" in dom and "<textarea" not in dom
    quiz = browser("--dump-dom", (out / "sources" / "2.html").as_uri())
    assert "PWNED" not in re.search(r"<title>(.*?)</title>", quiz).group(1)
    assert "&lt;img src=x onerror=\"document.title='PWNED'\"&gt;" in quiz


def test_in_chromium_the_pages_own_policy_runs_no_script_even_one_that_got_in(browser, out, tmp_path):
    """As if escaping had failed: a copy with a script and a handler injected runs neither.

    Chromium's ``--blink-settings=scriptEnabled=false`` also stops ``--dump-dom`` and
    ``--screenshot`` (they print and write nothing), so the page's own policy is what keeps
    script off here; the page renders in full all the same.
    """
    canary = ("<script>document.title = 'RAN'; document.body.append('SCRIPT-RAN')</script>"
              "<img src=x onerror=\"document.body.append('HANDLER-RAN')\">")
    copy = tmp_path / "injected.html"
    copy.write_text((out / "pairs" / "1.html").read_text(encoding="utf-8").replace("</main>", canary + "</main>"))
    dom = browser("--dump-dom", copy.as_uri())
    assert "SCRIPT-RAN</" not in dom and "HANDLER-RAN</" not in dom and "<title>Similarity: " in dom
    assert '<mark data-span="0">&lt;script&gt;alert(1)&lt;/script&gt;</mark>' in dom


def _visible_rows_after_clicks(out: Path, tmp_path: Path, browser, settings: list[tuple[str, str]]) -> list:
    """The page as a person uses it: click a task and a level label, count what is still shown.

    Only this test's copy gets a script, to click and count; the page itself has none, and
    the filtering it sees is the page's own CSS.
    """
    probe = """<script>
const shown = sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length > 0).length;
const result = SETTINGS.map(([task, level]) => {
  document.querySelector(`label[for=${task}]`).click();
  document.querySelector(`label[for=${level}]`).click();
  return [shown("section.task tr.row"), shown("section.task")];
});
const pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(result);
document.body.append(pre);
</script>""".replace("SETTINGS", json.dumps(settings))
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "",
                  (out / "similarity.html").read_text(encoding="utf-8"))  # the policy would stop the probe
    copy = tmp_path / "similarity-probe.html"
    copy.write_text(page.replace("</body>", probe + "</body>"))
    dom = browser("--dump-dom", copy.as_uri())
    return json.loads(unescape(re.search(r'<pre id="probe">(.*?)</pre>', dom).group(1)))


def test_in_chromium_the_task_and_score_filters_hide_rows_and_empty_sections(report, out, tmp_path, browser):
    tasks = sorted({pair.task_id for pair in report.pairs} | {m.task_id for m in report.source_matches})
    settings = [("f-tall", "f-m0"), ("f-t3", "f-m0"), ("f-t3", "f-m80"), ("f-tall", "f-m80"), ("f-tall", "f-m90"),
                ("f-t1", "f-m60")]
    expected = []
    for task, level in settings:
        rows = [pair for pair in report.pairs
                if (task == "f-tall" or pair.task_id == tasks[int(task[3:]) - 1])
                and round(100 * pair.score) >= int(level[3:])]
        expected.append([len(rows), len({pair.task_id for pair in rows})])
    assert expected[0] == [5, 3] and expected[-1] == [0, 0]
    assert _visible_rows_after_clicks(out, tmp_path, browser, settings) == expected


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and header[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_in_chromium_a_side_by_side_page_screenshots_as_a_full_page_not_a_blank_one(out, tmp_path, browser):
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><title>blank</title><body style='background:#f6f8fa'></body>")
    shots = {}
    for name, page in (("pair", out / "pairs" / "1.html"), ("blank", blank)):
        shots[name] = tmp_path / f"{name}.png"
        browser(f"--screenshot={shots[name]}", "--window-size=1280,900", page.as_uri())
        assert shots[name].is_file() and _png_size(shots[name]) == (1280, 900)
    assert shots["pair"].stat().st_size > 5 * shots["blank"].stat().st_size + 10_000
