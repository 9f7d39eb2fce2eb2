"""Files a student put where the grader does not look: named, never skipped silently.

Only the top of a submission is graded (TASKS.md: a folder holding the modules, notebooks
and ``answers.yaml``). A notebook, task module or ``answers.yaml`` in a subfolder, and a
zip inside the submission, are named in a problem line so the student can move them.
macOS's AppleDouble companions (``__MACOSX/``, ``._name``) and tool folders are ignored.
"""

from __future__ import annotations

from grader.intake.student_files import StudentFolder, UnsafeFile

IGNORED_DIRS = {"__MACOSX", ".git", ".github", ".ipynb_checkpoints", "__pycache__"}
IGNORED_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}
MAX_VISITED = 5000
MAX_NAMED = 10
MAX_DEPTH = 8


def ignored(name: str) -> bool:
    """A tool's or the OS's own entry, never the student's work."""
    return name in IGNORED_DIRS or name in IGNORED_FILES or name.startswith("._")


def misplaced_files(folder: StudentFolder, graded_names: set[str]) -> list[str]:
    """Problem lines for zips anywhere and for gradable files in subfolders of ``folder``."""
    found: list[tuple[str, str]] = []
    _look(folder, "", graded_names, found, [MAX_VISITED])
    lines = [_line(path, kind) for path, kind in found[:MAX_NAMED]]
    if len(found) > MAX_NAMED:
        lines.append(f"... and {len(found) - MAX_NAMED} more such files, not graded either")
    return lines


def _look(folder: StudentFolder, prefix: str, graded: set[str], found: list, budget: list[int]) -> None:
    try:
        entries = folder.entries()
    except UnsafeFile:
        return
    for entry in entries:
        budget[0] -= 1
        if budget[0] < 0 or ignored(entry.name):
            continue
        path = f"{prefix}{entry.shown}"
        lower = entry.name.lower()
        if entry.kind == "file" and lower.endswith(".zip"):
            found.append((path, "zip"))
        elif entry.kind == "file" and prefix and (lower.endswith(".ipynb") or entry.name in graded):
            found.append((path, "file"))
        elif entry.kind == "folder" and prefix.count("/") < MAX_DEPTH:
            try:
                with folder.folder(entry) as inner:
                    _look(inner, f"{path}/", graded, found, budget)
            except UnsafeFile:
                continue


def _line(path: str, kind: str) -> str:
    if kind == "zip":
        return (f"found {path} inside the submission: a zip inside the submission is not opened, so "
                "nothing in it was graded; hand in its files at the top of the submission instead")
    return (f"found {path} in a subfolder: it was not graded, only files at the top of the "
            "submission are; move it to the top")
