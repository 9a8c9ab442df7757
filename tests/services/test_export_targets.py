"""Tests: where an export may write (issue 7, points 3, 11 and 12).

- Never onto the open library, its ``-wal``/``-shm``/``-journal`` or anything in its
  ``backups/`` folder, however the path is spelt (relative, a symbolic or hard link).
- A FIFO or a character device is written straight into and stays what it is;
  a disk (block device) is refused. Only regular files are replaced by a rename.
- New files and folders get the mode the umask gives; the library stays 0600.

As root, a regression would replace the machine's own ``/dev/null``, so the
device tests try a private device node in ``tmp_path`` first.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest

from annotator.formats.base import FormatError, ImportBundle, ImportedDocument
from annotator.services import backups, importing
from annotator.services.exporting import export_to_path
from annotator.services.library import Library


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "lib.sqlite3"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with Library.open(f"sqlite:///{library_path}") as library:
        importing.persist(library, [ImportBundle([ImportedDocument("Field notes", "The cat sat. The dog barked.")])])
        yield library


def _private_device(folder: Path, name: str, kind: int, major: int, minor: int) -> Path:
    node = folder / name
    try:
        os.mknod(node, kind | 0o666, os.makedev(major, minor))
    except PermissionError:
        pytest.skip("cannot make a device node here")
    return node


# -- point 3: the library's own files ---------------------------------------------------------

TARGETS: dict[str, Callable[[Path, Path], Path]] = {
    "the library": lambda lib, backup: lib,
    "its -wal": lambda lib, backup: Path(f"{lib}-wal"),
    "its -shm": lambda lib, backup: Path(f"{lib}-shm"),
    "its -journal": lambda lib, backup: Path(f"{lib}-journal"),
    "a backup": lambda lib, backup: backup,
    "a new file in backups/": lambda lib, backup: backup.parent / "export.json",
    "the backups folder": lambda lib, backup: backup.parent,
    "the library, spelt relative": lambda lib, backup: Path(os.path.relpath(lib)),
    "the library, through ..": lambda lib, backup: lib.parent / "backups" / ".." / lib.name,
}


@pytest.mark.parametrize("where", list(TARGETS))
@pytest.mark.parametrize("format_id", ["json", "brat"])
def test_an_export_never_replaces_the_library_or_a_backup(
    library: Library, library_path: Path, where: str, format_id: str
) -> None:
    backup = backups.backup_now(library_path)
    target = TARGETS[where](library_path, backup)
    before = {p: p.read_bytes() for p in (library_path, backup)}
    with pytest.raises(FormatError, match="library"):
        export_to_path(library, target, format_id=format_id)
    assert {p: p.read_bytes() for p in (library_path, backup)} == before
    assert [d.title for d in library.documents()] == ["Field notes"]


def test_links_to_the_library_are_refused(library: Library, library_path: Path, tmp_path: Path) -> None:
    symbolic = tmp_path / "elsewhere" / "export.json"
    symbolic.parent.mkdir()
    symbolic.symlink_to(library_path)
    hard = tmp_path / "hard-link.json"
    os.link(library_path, hard)
    for target in (symbolic, hard):
        with pytest.raises(FormatError, match="library's own file"):
            export_to_path(library, target)
    assert symbolic.is_symlink() and os.path.samefile(hard, library_path)
    assert library_path.read_bytes().startswith(b"SQLite format 3\x00")


# -- point 11: FIFOs and devices ----------------------------------------------------------------


def test_an_export_to_a_fifo_goes_into_the_fifo(library: Library, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    # A daemon: if the FIFO were replaced, this reader would wait for a writer forever.
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert export_to_path(library, fifo) == 1
    reader.join(timeout=60)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [d["title"] for d in orjson.loads(received[0])["documents"]] == ["Field notes"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib.sqlite3", "lib.sqlite3-shm", "lib.sqlite3-wal", "pipe"]


def test_an_export_to_dev_null_leaves_it_a_device(library: Library, tmp_path: Path) -> None:
    if os.geteuid() == 0:  # a regression would replace the machine's /dev/null: try a private one first
        private = _private_device(tmp_path, "null", stat.S_IFCHR, 1, 3)
        export_to_path(library, private)
        assert stat.S_ISCHR(private.lstat().st_mode), "the export replaced a device node with a file"
    assert export_to_path(library, "/dev/null") == 1
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert Path("/dev/null").read_bytes() == b""


def test_an_export_never_writes_a_disk(library: Library, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a block device node needs root")
    disk = _private_device(tmp_path, "disk", stat.S_IFBLK, 7, 250)  # a loop device number, never opened
    with pytest.raises(FormatError, match="is a disk"):
        export_to_path(library, disk)
    assert stat.S_ISBLK(disk.lstat().st_mode)


# -- point 12: the umask ------------------------------------------------------------------------


@pytest.mark.parametrize(("umask", "file_mode", "folder_mode"), [(0o077, 0o600, 0o700), (0o022, 0o644, 0o755)])
def test_exports_follow_the_umask(
    library: Library, library_path: Path, tmp_path: Path, umask: int, file_mode: int, folder_mode: int
) -> None:
    old = os.umask(umask)
    try:
        export_to_path(library, tmp_path / "export.json")
        export_to_path(library, tmp_path / "export.csv", format_id="csv")
        export_to_path(library, tmp_path / "standoff", format_id="brat")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "export.json").stat().st_mode) == file_mode
    assert stat.S_IMODE((tmp_path / "export.csv").stat().st_mode) == file_mode
    assert stat.S_IMODE((tmp_path / "standoff").stat().st_mode) == folder_mode
    inside = [p for p in (tmp_path / "standoff").rglob("*") if p.is_file()]
    assert inside and {stat.S_IMODE(p.stat().st_mode) for p in inside} == {file_mode}
    assert stat.S_IMODE(library_path.stat().st_mode) == 0o600  # the library stays private


# -- symbolic links and the file being replaced ---------------------------------------------------


def _titles_in(path: Path) -> list[str]:
    return [d["title"] for d in orjson.loads(path.read_bytes())["documents"]]


def _no_temporary_files(*folders: Path) -> None:
    for folder in folders:
        assert not [p.name for p in folder.iterdir() if p.name.startswith(".")], folder


def test_an_export_through_a_link_replaces_the_file_it_names(library: Library, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "out.json").write_text("old")
    links = tmp_path / "links"
    links.mkdir()
    (links / "first.json").symlink_to("second.json")  # a chain, relative links in two folders
    (links / "second.json").symlink_to("../real/out.json")
    assert export_to_path(library, links / "first.json") == 1
    assert (links / "first.json").is_symlink() and (links / "second.json").is_symlink()
    assert os.readlink(links / "second.json") == "../real/out.json"
    assert _titles_in(real / "out.json") == ["Field notes"]
    _no_temporary_files(real, links)


def test_an_export_through_a_dangling_link_makes_the_file_it_names(library: Library, tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "made.json")
    export_to_path(library, link)
    assert link.is_symlink() and _titles_in(tmp_path / "made.json") == ["Field notes"]
    broken = tmp_path / "broken.json"
    broken.symlink_to(tmp_path / "no-such-folder" / "x.json")
    with pytest.raises(FormatError, match="no-such-folder does not exist"):
        export_to_path(library, broken)
    assert broken.is_symlink()


def test_a_brat_export_through_a_link_to_an_empty_folder_fills_that_folder(library: Library, tmp_path: Path) -> None:
    (tmp_path / "standoff").mkdir()
    (tmp_path / "link").symlink_to("standoff")
    export_to_path(library, tmp_path / "link", format_id="brat")
    assert (tmp_path / "link").is_symlink()
    assert "annotation.conf" in [p.name for p in (tmp_path / "standoff").iterdir()]


@pytest.mark.parametrize("existing_mode", [0o600, 0o640, 0o664])
def test_a_replaced_file_keeps_its_permissions(library: Library, tmp_path: Path, existing_mode: int) -> None:
    target = tmp_path / "private.json"
    target.write_text("secret")
    target.chmod(existing_mode)
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    old = os.umask(0o022)
    try:
        export_to_path(library, target)
        assert stat.S_IMODE(target.stat().st_mode) == existing_mode
        export_to_path(library, link)
        assert stat.S_IMODE(target.stat().st_mode) == existing_mode
    finally:
        os.umask(old)
    assert _titles_in(target) == ["Field notes"] and link.is_symlink()


def test_a_read_only_file_is_refused(library: Library, tmp_path: Path) -> None:
    target = tmp_path / "frozen.json"
    target.write_text("keep me")
    target.chmod(0o444)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with pytest.raises(FormatError, match=f"^{target} is read-only; nothing was exported"):
        export_to_path(library, target)
    with pytest.raises(FormatError, match=f"^{link} \\(a link to {target}\\) is read-only"):
        export_to_path(library, link)
    assert target.read_text() == "keep me" and stat.S_IMODE(target.stat().st_mode) == 0o444
    _no_temporary_files(tmp_path)


def test_a_link_to_the_library_or_a_backup_is_still_refused(
    library: Library, library_path: Path, tmp_path: Path
) -> None:
    backup = backups.backup_now(library_path)
    for name, points_to in (("to-library.json", library_path), ("to-backup.json", backup)):
        (tmp_path / name).symlink_to(points_to)
        with pytest.raises(FormatError, match="library"):
            export_to_path(library, tmp_path / name)
    assert backup.read_bytes().startswith(b"SQLite format 3\x00")
