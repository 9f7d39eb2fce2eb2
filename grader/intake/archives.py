"""Extracting a submitted .zip safely: no path traversal, no links or devices, capped sizes.

Sizes are enforced on the bytes actually read, not on what the archive's headers claim,
so a zip bomb stops at the cap. macOS's AppleDouble companions (``__MACOSX/``, ``._name``)
are not extracted. A name stored as UTF-8 without the zip's UTF-8 flag (Info-ZIP on
Debian writes them so; ``zipfile`` then decodes it as cp437) is read as UTF-8.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path, PurePosixPath

MAX_FILES = 2000
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The archive cannot be used; the message names the archive and the member."""


def extract_zip(archive: Path, target: Path) -> list[str]:
    """Extract the regular files of ``archive`` into ``target``; return notes on skipped members."""
    try:
        bundle = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError(f"{archive.name} is not a readable zip archive ({exc})") from None
    notes: list[str] = []
    with bundle:
        members = bundle.infolist()
        if len(members) > MAX_FILES:
            raise ArchiveError(f"{archive.name} holds {len(members):,} entries; at most {MAX_FILES:,} are accepted")
        budget = [MAX_TOTAL_BYTES]
        for member in members:
            member.filename = member_name(member)
            if is_apple_double(member.filename):
                continue
            note = _extract_member(bundle, member, target, budget, archive.name)
            if note:
                notes.append(note)
    return notes


def _extract_member(bundle: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path,
                    budget: list[int], name: str) -> str | None:
    relative = safe_member_path(member.filename)
    if relative is None:
        return f"{name}: skipped {member.filename!r} (absolute path or '..' would leave the folder)"
    mode = member.external_attr >> 16
    destination = target / relative
    if member.is_dir():
        try:
            destination.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return f"{name}: skipped {member.filename!r} ({exc.strerror})"
        return None
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG):  # many tools store permission bits only
        return f"{name}: skipped {member.filename!r} (links and special files are not accepted)"
    written = 0
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        with bundle.open(member) as source, open(destination, "wb") as sink:
            while chunk := source.read(CHUNK):
                written += len(chunk)
                budget[0] -= len(chunk)
                if written > MAX_FILE_BYTES or budget[0] < 0:
                    raise ArchiveError(f"{name}: {member.filename!r} unpacks to more than the "
                                       f"allowed size (zip bomb?)")
                sink.write(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, EOFError,
            NotImplementedError) as exc:
        if destination.is_file():
            destination.unlink()
        return f"{name}: skipped {member.filename!r} ({type(exc).__name__}: {exc})"
    return None


def safe_member_path(filename: str) -> PurePosixPath | None:
    """The member's path if it stays inside the extraction folder, else None."""
    name = filename.replace("\\", "/")
    path = PurePosixPath(name)
    if name.startswith("/") or (len(name) > 1 and name[1] == ":") or not path.parts:
        return None
    if any(part in ("..", "") for part in path.parts):
        return None
    return path


def member_name(member: zipfile.ZipInfo) -> str:
    """The member's name, read as UTF-8 when its bytes are UTF-8 though the flag says cp437."""
    if member.flag_bits & 0x800:
        return member.filename
    try:
        return member.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return member.filename


def is_apple_double(filename: str) -> bool:
    """A macOS resource-fork companion: anything under ``__MACOSX/`` or named ``._*``."""
    parts = PurePosixPath(filename.replace("\\", "/")).parts
    return bool(parts) and (parts[0] == "__MACOSX" or parts[-1].startswith("._"))
