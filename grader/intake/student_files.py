"""Reading a folder a student controls: regular files only, never through a link, bounded.

The reader runs as whoever grades (root in the image) before any sandbox exists. Every
name is opened relative to the descriptor of the folder that holds it, with
``O_NOFOLLOW``, after ``lstat`` said it is a regular file and before ``fstat`` confirms
the same inode: no link is ever followed (to ``/etc/shadow``, the hidden tests or a
classmate's folder), no fifo blocks the reader and no device is read. What is refused
comes back as an ``UnsafeFile`` whose message names the entry, for the report.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from grader.text import display_name

MAX_ENTRIES = 5000          # per folder: a listing never grows without bound
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
_FOLDER_FLAGS = _READ_FLAGS | getattr(os, "O_DIRECTORY", 0)
_RELATIVE_OPEN = os.open in os.supports_dir_fd and os.scandir in os.supports_fd


class UnsafeFile(Exception):
    """An entry that is not read: a link, a special file, too large or unreadable."""


@dataclass(frozen=True)
class Entry:
    """One name in a student's folder, as ``lstat`` sees it (a link is never resolved)."""

    name: str      # as the OS gives it: bytes that are not UTF-8 are surrogate-escaped
    kind: str      # "file", "folder", "link" or "other" (fifo, socket, device)
    size: int

    @property
    def shown(self) -> str:
        return display_name(self.name)


def kind_of(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISREG(mode):
        return "file"
    return "folder" if stat.S_ISDIR(mode) else "other"


def refusal(entry: Entry, where: str = "") -> str:
    """Why ``entry`` is not read, naming it as the student knows it."""
    what = {"link": "is a link: links are never followed, so it was not read",
            "other": "is not a regular file (a fifo, socket or device): not read"}
    return f"{where}{entry.shown} {what.get(entry.kind, 'was not read')}"


class StudentFolder:
    """An open folder of a submission; every read is relative to its descriptor."""

    def __init__(self, fd: int | None, path: Path, label: str):
        self._fd, self.path, self.label = fd, path, label
        self.truncated = False  # the last listing stopped at MAX_ENTRIES

    @classmethod
    def open(cls, path: Path) -> "StudentFolder":
        """Open the folder staff named (that path may be a link of theirs; nothing below it is)."""
        try:
            fd = os.open(path, _FOLDER_FLAGS & ~getattr(os, "O_NOFOLLOW", 0)) if _RELATIVE_OPEN else None
        except OSError as exc:
            raise UnsafeFile(f"{display_name(str(path))}: cannot be opened ({exc.strerror})") from None
        return cls(fd, Path(path), "")

    def __enter__(self) -> "StudentFolder":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def entries(self) -> list[Entry]:
        """Every entry (sorted by name), links and special files included but not resolved."""
        found = []
        try:
            with os.scandir(self._fd if self._fd is not None else self.path) as listing:
                for item in listing:
                    if len(found) >= MAX_ENTRIES:
                        self.truncated = True
                        break
                    info = item.stat(follow_symlinks=False)
                    found.append(Entry(item.name, kind_of(info.st_mode), info.st_size))
        except OSError as exc:
            raise UnsafeFile(f"{self.label or display_name(self.path.name)}: cannot be listed "
                             f"({exc.strerror})") from None
        return sorted(found, key=lambda entry: entry.name)

    def read(self, entry: Entry, limit: int) -> bytes:
        """The bytes of a regular file, at most ``limit`` of them, or UnsafeFile saying why not."""
        if entry.kind == "file" and entry.size > limit:
            raise UnsafeFile(f"{self.label}{entry.shown} is larger than {_size(limit)}: not read")
        with self.open_file(entry) as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise UnsafeFile(f"{self.label}{entry.shown} is larger than {_size(limit)}: not read")
        return data

    def open_file(self, entry: Entry) -> BinaryIO:
        """A regular file opened for reading (to stream it), or UnsafeFile saying why not."""
        if entry.kind != "file":
            raise UnsafeFile(refusal(entry, self.label))
        return os.fdopen(self._open_entry(entry, _READ_FLAGS, stat.S_ISREG), "rb")

    def link_target(self, entry: Entry) -> str:
        """Where a link points, read without following it ('' when unreadable)."""
        try:
            return os.readlink(entry.name, dir_fd=self._fd) if self._fd is not None else os.readlink(
                self.path / entry.name)
        except OSError:
            return ""

    def folder(self, entry: Entry) -> "StudentFolder":
        """A sub-folder, opened without following a link."""
        if entry.kind != "folder":
            raise UnsafeFile(refusal(entry, self.label))
        fd = self._open_entry(entry, _FOLDER_FLAGS, stat.S_ISDIR) if self._fd is not None else None
        return StudentFolder(fd, self.path / entry.name, f"{self.label}{entry.shown}/")

    def _open_entry(self, entry: Entry, flags: int, is_kind) -> int:
        """Open one name below this folder; refuse it if it is not (any more) what lstat saw."""
        try:
            if self._fd is None:  # no *at() calls here (Windows): check, then open by path
                path = self.path / entry.name
                if not is_kind(os.lstat(path).st_mode):
                    raise UnsafeFile(refusal(entry, self.label))
                fd = os.open(path, flags)
            else:
                fd = os.open(entry.name, flags, dir_fd=self._fd)
        except OSError as exc:
            raise UnsafeFile(f"{self.label}{entry.shown} cannot be read ({exc.strerror})") from None
        if not is_kind(os.fstat(fd).st_mode):
            os.close(fd)
            raise UnsafeFile(refusal(entry, self.label))
        return fd


def walk(folder: StudentFolder, prefix: str = "", depth: int = 0) -> Iterator[tuple[str, Entry, StudentFolder]]:
    """Every entry below ``folder`` (relative path, entry, its folder), links never entered."""
    for entry in folder.entries():
        relative = f"{prefix}{entry.name}"
        yield relative, entry, folder
        if entry.kind == "folder" and depth < 20:
            try:
                with folder.folder(entry) as inner:
                    yield from walk(inner, relative + "/", depth + 1)
            except UnsafeFile:
                continue


def truncation(folder: StudentFolder) -> list[str]:
    """The problem to report when ``folder``'s listing stopped at the cap ([] otherwise)."""
    if not folder.truncated:
        return []
    return [f"{folder.label or 'the submission folder'} holds more than {MAX_ENTRIES:,} entries: only the "
            f"first {MAX_ENTRIES:,} the file system listed were read (keep the files you hand in at the top)"]


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit // 1024} KiB"
