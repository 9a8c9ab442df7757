"""Tests: the one place that says which file a library URL means and what a SQLite file is.

Opening a library, backups and ``annotator db check`` all ask
:func:`inspect_file` and word its answer for their purpose; nothing here writes.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from annotator.services.library import Library
from annotator.storage.engine import LibraryError, sqlite_file
from annotator.storage.inspection import check_library_file, inspect_file, problem_with


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (Path("/data/lib.sqlite3"), Path("/data/lib.sqlite3")),
        ("relative/lib.sqlite3", Path("relative/lib.sqlite3")),
        ("sqlite:////data/lib.sqlite3", Path("/data/lib.sqlite3")),
        ("sqlite:///relative.sqlite3", Path("relative.sqlite3")),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("sqlite:///file:lib.sqlite3?mode=ro&uri=true", None),
        ("postgresql+psycopg://user@host/db", None),
    ],
)
def test_which_file_a_library_url_means(target: str | Path, expected: Path | None) -> None:
    assert sqlite_file(target) == expected


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_library_is_sound_and_its_contents_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library.open(f"sqlite:///{path}").close()
    before = digest(path)
    found = inspect_file(path, check="integrity_check", foreign_keys=True, contents=True)
    assert (found.check, found.foreign_keys, found.documents, found.annotations) == (("ok",), (), 0, 0)
    assert found.is_annotator_library and found.revision is not None
    assert problem_with(path) is None
    check_library_file(path)
    assert digest(path) == before


def test_what_is_not_a_library_is_told_apart(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100)
    found = inspect_file(text)
    assert found.damage is not None and found.tables is None
    assert problem_with(text).startswith("damaged or not a SQLite database")

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    found = inspect_file(other)
    assert found.check == ("ok",) and found.tables == {"notes"} and not found.is_annotator_library
    assert problem_with(other) == "not an Annotator library"
    with pytest.raises(LibraryError, match="another program"):
        check_library_file(other)

    empty_database = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty_database).close()
    check_library_file(empty_database)  # nothing in it yet: it becomes a library
