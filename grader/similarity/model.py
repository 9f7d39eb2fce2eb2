"""What a similarity run finds, as plain data: documents, scored pairs, clusters, flags.

Scores are evidence for a person to look at, never a verdict. Every span is a pair of
character offsets ``(start, end)`` into the document's own text, so a page can highlight
exactly what matched and escape everything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CODE = "code"
WRITTEN = "written"
REFERENCE = "reference"      # the hidden reference solution (staff only)
QUIZ = "quiz"                # the quiz text students study from

Spans = tuple[tuple[int, int], ...]


def merge_spans(spans, length: int | None = None) -> list[tuple[int, int]]:
    """Spans sorted, clipped to ``0..length`` when given, empty ones dropped, overlapping or
    touching ones joined: what both the engine and a page need of spans."""
    limit = length if length is not None else max((int(end) for _, end in spans), default=0)
    clipped = sorted((max(0, int(start)), min(limit, int(end))) for start, end in spans)
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class Document:
    """One student's text for one part: a task module or a written answer."""

    submission: str
    part: str              # "task29_cnn" for code, "task08.a" (or "task08" for a block) for text
    kind: str              # CODE or WRITTEN
    task_id: str           # "task29"
    text: str
    origin: str            # "task29_cnn.py" or "homework.ipynb, cells 4, 6" or "answers.yaml"


@dataclass(frozen=True)
class PairMatch:
    """Two students' documents for the same part, with what they share."""

    part: str
    kind: str
    task_id: str
    a: str
    b: str
    score: float           # 0..1, the larger of the two sides' matched shares
    a_spans: Spans
    b_spans: Spans
    matched_lines: int     # lines of ``a`` touched by a match (what a spreadsheet shows)
    note: str = ""         # e.g. "both are close to the quiz's model answer"


@dataclass(frozen=True)
class SourceMatch:
    """A student's document close to something every student has, or should never have."""

    part: str
    kind: str
    task_id: str
    submission: str
    source: str            # REFERENCE or QUIZ
    source_name: str       # "reference/task29_cnn.py", "quiz.txt, Task 3"
    score: float
    spans: Spans           # in the student's text
    source_text: str = ""
    source_spans: Spans = ()
    matched_lines: int = 0  # lines of the student's text holding matched text


@dataclass(frozen=True)
class Cluster:
    """Three or more students linked by pairs above the threshold on one part."""

    part: str
    kind: str
    task_id: str
    members: tuple[str, ...]
    best_score: float
    weakest_link: float


@dataclass(frozen=True)
class Thresholds:
    """The matched share from which a match is listed (measured on tests/similarity_set.py:
    disguised copies score 0.95 and more, independent solutions of tasks whose architecture
    the contract fixes up to 0.84; copied or paraphrased answers 0.62 and more, independent
    ones up to 0.1; answers taken from the quiz 0.54 and more, others below 0.05)."""

    code: float = 0.9
    written: float = 0.5
    reference: float = 0.9
    quiz: float = 0.4


@dataclass
class SimilarityReport:
    """Everything a page or a spreadsheet needs, already decided; rendering adds nothing."""

    thresholds: Thresholds
    submissions: tuple[str, ...]
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)  # (submission, part)
    pairs: list[PairMatch] = field(default_factory=list)          # above threshold, best first
    clusters: list[Cluster] = field(default_factory=list)
    source_matches: list[SourceMatch] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)             # unreadable submissions, named
    unlisted: dict[str, int] = field(default_factory=dict)        # part -> pairs above threshold not listed

    def document(self, submission: str, part: str) -> Document:
        return self.documents[(submission, part)]
