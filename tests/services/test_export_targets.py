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
