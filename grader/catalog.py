"""The task catalog: one folder per quiz task, described by its ``task.toml``.

A folder holds ``task.toml`` (metadata), ``probe.py`` (runs beside student code),
``test_public.py`` (shipped to students), ``test_hidden.py`` (never shipped),
``written.toml`` (the free-text parts and their questions, public) and ``rubric.toml``
(what a full written answer mentions, staff only, never shipped).

Tasks that grade the same student module may share one probe: ``probe =
"task31_cnn_fix"`` in a task.toml names the folder, beside this one, whose ``probe.py``
serves the task (that folder's task reads the same module; the sharing folder has no
``probe.py`` of its own).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from grader.domain import StructuredAnswer, TaskSpec, WrittenPart

PACKAGE_DIR = Path(__file__).resolve().parent
TASK_ID = re.compile(r"^task\d{2}$")
MODULE_NAME = re.compile(r"^(task\d{2})_[a-z0-9_]+$")


class CatalogError(Exception):
    """A task folder is malformed: the grader cannot run until it is fixed."""


@dataclass(frozen=True)
class Catalog:
    root: Path
    tasks: tuple[TaskSpec, ...]

    def get(self, task_id: str) -> TaskSpec:
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise KeyError(task_id)

    def select(self, ids: list[str] | None) -> tuple[TaskSpec, ...]:
        """The tasks named in ``ids`` (all when None); unknown ids are an error."""
        if not ids:
            return self.tasks
        known = {task.id for task in self.tasks}
        unknown = [task_id for task_id in ids if task_id not in known]
        if unknown:
            raise CatalogError(f"unknown task(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return tuple(task for task in self.tasks if task.id in ids)


def default_root() -> Path:
    """``$GRADER_TASKS``, else the checkout's ``tasks/``, else the public tasks packaged in."""
    if os.environ.get("GRADER_TASKS"):
        return Path(os.environ["GRADER_TASKS"]).resolve()
    checkout = PACKAGE_DIR.parent / "tasks"
    if checkout.is_dir():
        return checkout
    return PACKAGE_DIR / "public_tasks"


def load_catalog(root: Path | None = None) -> Catalog:
    root = (root or default_root()).resolve()
    if not root.is_dir():
        raise CatalogError(f"task catalog not found at {root}")
    tasks = [load_task(folder) for folder in sorted(root.iterdir()) if (folder / "task.toml").is_file()]
    ids = [task.id for task in tasks]
    duplicates = {task_id for task_id in ids if ids.count(task_id) > 1}
    if duplicates:
        raise CatalogError(f"task ids used twice: {', '.join(sorted(duplicates))}")
    _check_shared_probes(tasks)
    return Catalog(root, tuple(sorted(tasks, key=lambda task: task.quiz_task)))


def _check_shared_probes(tasks: list[TaskSpec]) -> None:
    """A shared probe belongs to a task of the same module that uses its own probe."""
    by_folder = {task.folder: task for task in tasks}
    for task in tasks:
        if task.probe_folder is None:
            continue
        owner = by_folder.get(task.probe_folder)
        if owner is None or owner.probe_folder is not None or owner.module != task.module:
            raise CatalogError(f"{task.folder / 'task.toml'}: probe {task.probe_folder.name!r} must be "
                               f"a task folder reading the same module ({task.module}) with its own probe.py")


def load_task(folder: Path) -> TaskSpec:
    data = _read_toml(folder / "task.toml")
    written = _read_toml(folder / "written.toml") if (folder / "written.toml").is_file() else {}
    rubric = _read_toml(folder / "rubric.toml") if (folder / "rubric.toml").is_file() else {}
    try:
        return _task_from_toml(folder, data, _written_parts(written, rubric))
    except (KeyError, TypeError, ValueError) as exc:
        raise CatalogError(f"{folder / 'task.toml'}: {exc}") from None


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path}: {exc}") from None


def _written_parts(written: dict, rubric: dict) -> tuple[WrittenPart, ...]:
    parts = []
    for part in written.get("part", ()):
        key = part["key"]
        if not re.match(r"^[a-z][a-z0-9_]*$", key):
            raise ValueError(f"written part key {key!r} must be lower_case")
        parts.append(WrittenPart(key=key, points=float(part["points"]), question=part["question"],
                                 rubric=tuple(rubric.get(key, {}).get("mentions", ()))))
    keys = [part.key for part in parts]
    if len(set(keys)) != len(keys):
        raise ValueError(f"written part keys repeat: {keys}")
    return tuple(parts)


def _task_from_toml(folder: Path, data: dict, written: tuple[WrittenPart, ...]) -> TaskSpec:
    task_id = data["id"]
    if not TASK_ID.match(task_id) or int(task_id[4:]) != data["quiz_task"]:
        raise ValueError(f"id {task_id!r} must be 'taskNN' matching quiz_task {data['quiz_task']}")
    student = data.get("student", {})
    module = student.get("module")
    tag = None
    if module is not None:
        match = MODULE_NAME.match(module)
        if not match:
            raise ValueError(f"module {module!r} must look like 'task29_cnn'")
        tag = match.group(1)
    limits = data.get("limits", {})
    answers = tuple(StructuredAnswer(key=entry["key"], question=entry["question"])
                    for entry in data.get("answer", ()))
    clash = {answer.key for answer in answers} & {part.key for part in written}
    if clash:
        raise ValueError(f"keys both structured and written: {sorted(clash)}")
    return TaskSpec(
        id=task_id, quiz_task=int(data["quiz_task"]), title=data["title"], folder=folder,
        module=module, module_tag=tag, names=tuple(student.get("names", ())),
        answers=answers, written=written,
        points=float(data.get("points", 0)),
        call_timeout=float(limits.get("call_timeout", TaskSpec.call_timeout)),  # TaskSpec: the defaults
        load_timeout=float(limits.get("load_timeout", TaskSpec.load_timeout)),
        memory_mb=int(limits.get("memory_mb", TaskSpec.memory_mb)),
        probe_folder=_shared_probe_folder(folder, data.get("probe")))


def _shared_probe_folder(folder: Path, name: str | None) -> Path | None:
    """The sibling folder named by ``probe = "..."`` (None when the task has its own probe)."""
    if name is None:
        return None
    if not isinstance(name, str) or not MODULE_NAME.match(name):
        raise ValueError(f"probe {name!r} must name a task folder like 'task31_cnn_fix'")
    if (folder / "probe.py").exists():
        raise ValueError(f"probe = {name!r} but the folder has a probe.py of its own")
    shared = folder.parent / name
    if not (shared / "probe.py").is_file():
        raise ValueError(f"probe {name!r}: {shared / 'probe.py'} does not exist")
    return shared
