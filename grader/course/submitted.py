"""When a submission was handed in, from the best source it has, and which source that was.

- a Gradescope submission folder (``submission_metadata.json`` beside ``submission/``, the
  layout of /autograder): Gradescope's ``created_at``;
- a GitHub Classroom repository (a ``.git`` folder): the committer time of its last commit,
  read with dulwich (no git command runs on a student's repository). A student's clock sets
  it, which the gradebook says;
- otherwise the archive's time, or the newest file's time in a folder.

Links are never followed: a ``.git`` holding a link, a special file or a pointer to
another repository (``commondir``, ``objects/info/alternates``) is not read, and file
times come from ``lstat``. A commit's date and a file's time are whatever the student's
machine set; only Gradescope's time is the platform's own.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from grader.course.limit import moment, read_metadata

GRADESCOPE_METADATA = "submission_metadata.json"
GRADESCOPE_FILES = "submission"
GIT_LIMIT = 20_000  # entries of a .git folder we look at before giving up
GIT_POINTERS = {"commondir", "alternates", "http-alternates", "gitdir"}  # files that send git elsewhere
TIME_FILE = "submitted.json"  # beside results.json in a batch output folder


@dataclass(frozen=True)
class SubmissionTime:
    at: dt.datetime | None      # aware, or None when nothing says
    source: str                 # what the time is, for the gradebook

    def to_dict(self) -> dict:
        return {"at": self.at.isoformat() if self.at else None, "source": self.source}

    @classmethod
    def from_dict(cls, data: object) -> "SubmissionTime":
        if not isinstance(data, dict) or not isinstance(data.get("source"), str):
            return cls(None, "unknown")
        try:
            at = dt.datetime.fromisoformat(data["at"]) if isinstance(data.get("at"), str) else None
        except ValueError:
            at = None
        return cls(at if at is None or at.tzinfo else None, data["source"])


def is_gradescope_folder(path: Path) -> bool:
    return (path / GRADESCOPE_METADATA).is_file() and (path / GRADESCOPE_FILES).is_dir()


def submission_time(path: Path) -> SubmissionTime:
    """The time ``path`` (a submission folder, archive or notebook) was handed in."""
    if path.is_dir() and is_gradescope_folder(path):
        at = _gradescope_time(path / GRADESCOPE_METADATA)
        if at is not None:
            return SubmissionTime(at, "Gradescope submission time")
    if path.is_dir() and (path / ".git").is_dir() and not (path / ".git").is_symlink():
        at = _last_commit_time(path)
        if at is not None:
            return SubmissionTime(at, "last commit (its date comes from the student's clock)")
    return _file_time(path)


def _gradescope_time(metadata: Path) -> dt.datetime | None:
    """``created_at``, read as the resubmission limit reads it: no link followed, size capped."""
    data = read_metadata(metadata)
    return moment(data.get("created_at")) if data is not None else None


def _last_commit_time(path: Path) -> dt.datetime | None:
    """HEAD's committer time, when the repository holds only plain files and folders of its own."""
    if not _plain_tree(path / ".git"):
        return None
    from dulwich.repo import Repo  # only for Classroom repositories

    try:
        with Repo(str(path)) as repo:
            commit = repo[repo.head()]
            zone = dt.timezone(dt.timedelta(seconds=commit.commit_timezone))
            return dt.datetime.fromtimestamp(commit.commit_time, zone)
    except Exception:  # noqa: BLE001 - any malformed repository: fall back to file times
        return None


def _plain_tree(folder: Path) -> bool:
    count = 0
    for root, folders, files in os.walk(folder, followlinks=False):
        for name in folders + files:
            count += 1
            mode = os.lstat(os.path.join(root, name)).st_mode
            if count > GIT_LIMIT or name in GIT_POINTERS or not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                return False
    return True


def _file_time(path: Path) -> SubmissionTime:
    try:
        if not path.is_dir() or path.is_symlink():
            return SubmissionTime(_stamp(os.lstat(path).st_mtime), "archive's file time")
        newest = max((os.lstat(os.path.join(root, name)).st_mtime
                      for root, folders, files in os.walk(path, followlinks=False)
                      if ".git" not in Path(root).relative_to(path).parts
                      for name in files if name != GRADESCOPE_METADATA), default=None)
    except OSError:
        return SubmissionTime(None, "unknown (the files could not be read)")
    if newest is None:
        return SubmissionTime(None, "unknown (no files)")
    return SubmissionTime(_stamp(newest), "newest file's time")


def _stamp(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)


def record_submission_times(found: list[tuple[str, Path]], out: Path) -> dict[str, SubmissionTime]:
    """Each submission's time, kept beside its results (``submitted.json``) for merge and export."""
    from grader.outputs.results import write_json_atomic

    times = {}
    for identifier, path in found:
        times[identifier] = submission_time(path)
        folder = out / "submissions" / identifier
        folder.mkdir(parents=True, exist_ok=True)
        write_json_atomic(folder / TIME_FILE, times[identifier].to_dict())
    return times
