"""Tests: what a SQLite library file is and how it is guarded.

A library is private (mode 0600, whatever the umask), durable (WAL, full
synchronous commits, foreign keys on) and never damaged by being opened: a file
that is not an Annotator library, or a damaged one, is refused and left
byte-for-byte as it was, with nothing created beside it.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.services import importing
from annotator.services.library import Library
from annotator.storage.engine import BUSY_TIMEOUT_MS, LibraryError


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def umask_zero() -> Iterator[None]:
    """Run with umask 0, so a file's mode shows what the code asked for, not the umask."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def filled_library_file(tmp_path: Path, seed_file: Path) -> Path:
    """A closed library with the sample text in it (several pages, overflow pages)."""
    path = tmp_path / "filled.sqlite3"
    with Library.open(url_of(path)) as library:
        importing.import_paths(library, [seed_file])
    assert not path.with_name(path.name + "-wal").exists()  # checkpointed on close
    return path


def test_pragmas_are_in_force_on_every_connection(tmp_path: Path) -> None:
    library = Library.open(url_of(tmp_path / "lib.sqlite3"))
    with library, library.engine.connect() as first, library.engine.connect() as second:
        for conn in (first, second):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS


@pytest.mark.usefixtures("umask_zero")
def test_library_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "lib.sqlite3"
    path.parent.mkdir()  # a library is made only in a folder that exists
    with Library.open(url_of(path)) as library:
        library.set_state("k", "v")  # writes: the WAL and shared-memory files exist now
        siblings = [p for p in path.parent.iterdir() if p.name.startswith(path.name)]
        assert {p.name for p in siblings} >= {"lib.sqlite3", "lib.sqlite3-wal"}
        for p in siblings:
            assert p.stat().st_mode & 0o777 == 0o600, p.name
    assert path.stat().st_mode & 0o777 == 0o600


def _random_bytes() -> bytes:
    return random.Random(1234).randbytes(8192)


def _text_file() -> bytes:
    return b"My reading notes\n\nNot a database at all.\n"


def _other_programs_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("random bytes", "not a SQLite database"),
        ("text file", "not a SQLite database"),
        ("header only", "damaged"),
        ("another program's database", "another program"),
    ],
)
def test_foreign_file_refused_and_unchanged(tmp_path: Path, kind: str, message: str) -> None:
    path = tmp_path / "library.sqlite3"
    if kind == "random bytes":
        path.write_bytes(_random_bytes())
    elif kind == "text file":
        path.write_bytes(_text_file())
    elif kind == "header only":
        path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    else:
        _other_programs_database(path)
    before, listing = digest(path), sorted(os.listdir(tmp_path))

    with pytest.raises(LibraryError, match=message):
        Library.open(url_of(path))

    assert digest(path) == before
    assert sorted(os.listdir(tmp_path)) == listing


@pytest.mark.parametrize("damage", ["truncated", "overwritten pages"])
def test_damaged_library_refused_and_unchanged(filled_library_file: Path, damage: str) -> None:
    data = filled_library_file.read_bytes()
    assert len(data) >= 4 * 4096
    if damage == "truncated":
        damaged = data[: len(data) // 2 + 100]
    else:
        page = 4096
        damaged = data[:page] + random.Random(7).randbytes(2 * page) + data[3 * page :]
    filled_library_file.write_bytes(damaged)
    before, listing = digest(filled_library_file), sorted(os.listdir(filled_library_file.parent))

    with pytest.raises(LibraryError, match="damaged"):
        Library.open(url_of(filled_library_file))

    assert digest(filled_library_file) == before
    # Reading a WAL-mode file (even read-only) makes SQLite create its -shm index and
    # an empty -wal beside it; nothing else may appear, and nothing may be logged.
    name = filled_library_file.name
    added = set(os.listdir(filled_library_file.parent)) - set(listing)
    assert added <= {f"{name}-wal", f"{name}-shm"}
    wal = filled_library_file.with_name(f"{name}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def _overwrite_last_page(path: Path) -> None:
    """Damage only SQLite's quick check finds: the header and the schema read as before."""
    data = path.read_bytes()
    page = 4096
    path.write_bytes(data[: len(data) - page] + random.Random(7).randbytes(page))


def test_damage_found_by_the_check_in_background_refuses_every_write(filled_library_file: Path) -> None:
    _overwrite_last_page(filled_library_file)
    before = digest(filled_library_file)
    with Library.open(url_of(filled_library_file), check_in_background=True) as library:
        with pytest.raises(LibraryError, match=r"(?s)damaged \(.*\); nothing was saved; there is no good backup"):
            library.set_state("k", "v")
        assert "damaged" in (library.damage_found() or "")  # what the window polls for, to say so at once
        with pytest.raises(LibraryError, match="damaged"):
            library.set_state("k", "v")  # and every write after
    assert digest(filled_library_file) == before
    with pytest.raises(LibraryError, match="damaged"):  # the same damage, checked before opening
        Library.open(url_of(filled_library_file))


def test_no_rolling_backup_is_made_of_damage_the_check_in_background_finds(filled_library_file: Path) -> None:
    """A backup copies the whole file: it waits for the check, so damage never pushes good backups out."""
    from annotator.services.backups import ensure_rolling_backups
    from annotator.storage.backup_files import backups_of

    _overwrite_last_page(filled_library_file)
    with Library.open(url_of(filled_library_file), check_in_background=True) as library:
        with pytest.raises(LibraryError, match="damaged"):
            ensure_rolling_backups(library)
    assert backups_of(filled_library_file) == []


def test_a_sound_library_checked_in_background_is_written_as_usual(filled_library_file: Path) -> None:
    with Library.open(url_of(filled_library_file), check_in_background=True) as library:
        library.set_state("k", "v")
        assert library.damage_found() is None
    with Library.open(url_of(filled_library_file)) as library:
        assert library.state("k") == "v"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "library.sqlite3"
    folder.mkdir()
    with pytest.raises(LibraryError, match="folder"):
        Library.open(url_of(folder))


def test_a_good_library_opens_again_with_its_data(filled_library_file: Path, seed_text: str) -> None:
    with Library.open(url_of(filled_library_file)) as library:
        [doc] = library.documents()
        assert library.document(doc.id).text == seed_text


def test_empty_file_becomes_a_library(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with Library.open(url_of(path)) as library:
        assert [t.name for t in library.tags()] == ["claim", "evidence", "speculation"]
