"""What every student is given or must never have: templates, the quiz, the hidden reference.

The template stubs and the quiz's own code are boilerplate: matching them is no evidence
of copying. The quiz's prose holds model answers, so a written answer close to it is shown
to staff. The reference is staff-only; a student module close to it suggests a leak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from grader.catalog import Catalog

QUIZ_FILE = "quiz.txt"                       # beside the task folders
_TASK_HEADING = re.compile(r"^Task (\d+):[^\n]*$", re.M)
_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)


@dataclass(frozen=True)
class QuizTask:
    """One task of the quiz: its prose (question and model answer) and its code blocks."""

    number: int
    prose: str
    code: tuple[str, ...]


@dataclass(frozen=True)
class CourseMaterial:
    quiz: dict[int, QuizTask] = field(default_factory=dict)
    templates: dict[str, str] = field(default_factory=dict)    # module -> stub source
    references: dict[str, str] = field(default_factory=dict)   # module -> reference source
    problems: tuple[str, ...] = ()                               # what could not be read

    @property
    def quiz_code(self) -> tuple[str, ...]:
        return tuple(block for task in self.quiz.values() for block in task.code)


def parse_quiz(text: str) -> dict[int, QuizTask]:
    """Split the quiz at its 'Task N:' headings; fenced blocks are code, the rest prose."""
    headings = list(_TASK_HEADING.finditer(text))
    tasks = {}
    for heading, following in zip(headings, headings[1:] + [None]):
        body = text[heading.end():following.start() if following else len(text)]
        code = tuple(match.group(1) for match in _FENCE.finditer(body))
        tasks[int(heading.group(1))] = QuizTask(int(heading.group(1)), _FENCE.sub("", body).strip(), code)
    return tasks


def load_material(catalog: Catalog, quiz_path: Path | None = None) -> CourseMaterial:
    """The checkout's quiz, templates and references; a missing piece is named, not fatal."""
    checkout = catalog.root.parent
    problems = []
    quiz_path = quiz_path or catalog.root / QUIZ_FILE
    try:
        quiz = parse_quiz(quiz_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        quiz = {}
        problems.append(f"{quiz_path}: the quiz text could not be read ({exc.__class__.__name__}); "
                        "its code is not treated as boilerplate and no answer is compared with it")
    modules = sorted({task.module for task in catalog.tasks if task.module})
    templates = _read_modules(checkout / "student_template", modules, problems)
    references = _read_modules(checkout / "reference", modules, problems)
    return CourseMaterial(quiz, templates, references, tuple(problems))


def _read_modules(folder: Path, modules: list[str], problems: list[str]) -> dict[str, str]:
    if not folder.is_dir():
        problems.append(f"{folder}: not found; modules are compared without {folder.name}/")
        return {}
    found = {}
    for module in modules:
        try:
            found[module] = (folder / f"{module}.py").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            problems.append(f"{folder / (module + '.py')}: not found; {module} is compared without it")
    return found
