"""Zip submissions: extracted safely, graded like folders, hostile archives refused."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest
from conftest import REFERENCE, regular_files

from grader.intake.archives import MAX_FILES, ArchiveError, extract_zip, safe_member_path
from grader.intake.submission import read_submission


def make_zip(path: Path, members: dict[str, bytes], mode: int | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            if mode is not None:
                info.external_attr = mode << 16
            bundle.writestr(info, data)
    return path


def test_zip_of_a_folder_reads_like_the_folder(catalog, tmp_path):
    members = {f"alice-quiz/{path.name}": path.read_bytes() for path in regular_files(REFERENCE)}
    members["__MACOSX/._junk"] = b"x"
    submission = read_submission(make_zip(tmp_path / "alice.zip", members), catalog)
    folder = read_submission(REFERENCE, catalog)
    assert submission.id == "alice"
    assert {m: s.text for m, s in submission.sources.items()} == {m: s.text for m, s in folder.sources.items()}
    assert submission.answers == folder.answers and not submission.problems


@pytest.mark.parametrize("name", ["../evil.py", "/etc/evil.py", "a/../../evil.py", "C:/evil.py",
                                  "..\\evil.py", "sub/../../../tmp/evil.py"])
def test_members_leaving_the_folder_are_skipped(tmp_path, name):
    target = tmp_path / "out"
    target.mkdir()
    notes = extract_zip(make_zip(tmp_path / "slip.zip", {name: b"x", "ok.py": b"y"}), target)
    assert notes and "skipped" in notes[0]
    assert (target / "ok.py").exists()
    assert not list(tmp_path.glob("evil.py")) and not Path("/etc/evil.py").exists()


def test_prefix_trick_cannot_reach_a_sibling_folder(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    extract_zip(make_zip(tmp_path / "p.zip", {"../out-evil/x.py": b"x"}), target)
    assert not (tmp_path / "out-evil").exists()
    assert safe_member_path("../out-evil/x.py") is None


def test_symlinks_and_devices_are_skipped(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    zip_link = make_zip(tmp_path / "l.zip", {"link.py": b"/etc/passwd"}, mode=stat.S_IFLNK | 0o777)
    zip_fifo = make_zip(tmp_path / "f.zip", {"fifo": b""}, mode=stat.S_IFIFO | 0o644)
    assert "links and special files" in extract_zip(zip_link, target)[0]
    assert "links and special files" in extract_zip(zip_fifo, target)[0]
    assert not (target / "link.py").exists() and not (target / "fifo").exists()


def test_zip_bomb_stops_at_the_cap(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        with bundle.open("zeros.py", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(64):
                member.write(block)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ArchiveError, match="zip bomb"):
        extract_zip(path, tmp_path)


def test_too_many_files_are_refused(tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        for number in range(MAX_FILES + 1):
            bundle.writestr(f"f{number}.txt", b"")
    with pytest.raises(ArchiveError, match="entries"):
        extract_zip(path, tmp_path / "out")


def test_a_bad_zip_is_a_problem_not_a_crash(catalog, tmp_path):
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    submission = read_submission(path, catalog)
    assert not submission.sources and "broken.zip is not a readable zip archive" in submission.problems[0]


def notebook_of(source: str) -> bytes:
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source)]
    return nbformat.writes(notebook).encode()


def test_apple_double_members_are_not_extracted(catalog, tmp_path):
    members = {"hw/task29_cnn.py": b"def build_cnn():\n    return None\n", "hw/._task29_cnn.py": b"\x00\x05\x16\x07",
               "__MACOSX/hw/._hw.ipynb": b"\x00\x05\x16\x07", "hw/._hw.ipynb": b"\x00\x05\x16\x07",
               "hw/.DS_Store": b"\x00\x00\x00\x01Bud1"}
    target = tmp_path / "out"
    target.mkdir()
    assert extract_zip(make_zip(tmp_path / "mac.zip", members), target) == []
    assert sorted(p.name for p in target.rglob("*") if p.is_file()) == [".DS_Store", "task29_cnn.py"]
    submission = read_submission(tmp_path / "mac.zip", catalog)
    assert "task29_cnn" in submission.sources and submission.problems == ()


def test_a_nested_notebook_or_zip_is_named_not_skipped_silently(catalog, tmp_path):
    inner = make_zip(tmp_path / "inner.zip", {"task13_pipeline.py": b"x = 1\n"}).read_bytes()
    members = {"answers.yaml": b"task09:\n  choice: MSE\n", "homework/hw.ipynb": notebook_of("# task29\nx = 1"),
               "homework/task29_cnn.py": b"x = 1\n", "old/answers.yaml": b"{}\n", "inner.zip": inner,
               "notes/readme.txt": b"hi", "homework/data.csv": b"1,2"}
    submission = read_submission(make_zip(tmp_path / "sub.zip", members), catalog)
    problems = "\n".join(submission.problems)
    for path in ("homework/hw.ipynb", "homework/task29_cnn.py", "old/answers.yaml"):
        assert f"found {path} in a subfolder: it was not graded" in problems, problems
    assert "found inner.zip inside the submission" in problems
    assert "readme.txt" not in problems and "data.csv" not in problems and not submission.sources


def test_utf8_names_without_the_utf8_flag_are_read_as_utf8(tmp_path):
    real = "Übung/lösung.py".encode("utf-8")
    placeholder = b"X" * len(real)
    path = make_zip(tmp_path / "debian.zip", {placeholder.decode("ascii"): b"x = 1\n"})
    path.write_bytes(path.read_bytes().replace(placeholder, real))
    with zipfile.ZipFile(path) as bundle:
        (info,) = bundle.infolist()
        assert not info.flag_bits & 0x800 and info.filename == real.decode("cp437")
    target = tmp_path / "out"
    target.mkdir()
    assert extract_zip(path, target) == []
    assert (target / "Übung" / "lösung.py").read_bytes() == b"x = 1\n"


def test_cp437_names_that_are_not_utf8_stay_cp437(tmp_path):
    real = "caf\u00e9.py".encode("cp437")  # b"caf\x82.py": not UTF-8
    placeholder = b"X" * len(real)
    path = make_zip(tmp_path / "dos.zip", {placeholder.decode("ascii"): b"x = 1\n"})
    path.write_bytes(path.read_bytes().replace(placeholder, real))
    target = tmp_path / "out"
    target.mkdir()
    assert extract_zip(path, target) == []
    assert (target / "caf\u00e9.py").is_file()


def test_apple_double_files_in_a_folder_are_ignored(catalog, tmp_path):
    (tmp_path / "hw").mkdir()
    (tmp_path / "hw" / "hw.ipynb").write_bytes(notebook_of("# task29\ndef build_cnn():\n    return None"))
    (tmp_path / "._hw").write_bytes(b"\x00\x05\x16\x07")
    (tmp_path / "hw" / "._hw.ipynb").write_bytes(b"\x00\x05\x16\x07\xff")
    submission = read_submission(tmp_path, catalog)
    assert "task29_cnn" in submission.sources and submission.problems == ()
