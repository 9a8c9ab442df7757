"""Tests: a library that cannot be written: read-only, disk full, locked by another program.

Each time the edit fails with one clear :class:`LibraryError` ("read-only",
"disk is full", "busy"), nothing of it remains, what was saved before is intact
and ``PRAGMA integrity_check`` says "ok"; the CLI prints one
``annotator: error: ...`` line and exits 1.

How each fault is made, honestly:

- *Read-only*: the file is chmod 0444 and its folder 0555. That is the real
  thing for a normal user, but these tests usually run as root, whom
  permissions do not stop (``os.access`` says so). Then every SQLite
  connection is also opened with ``mode=ro`` (a ``do_connect`` hook): exactly
  the read-only connection SQLite itself falls back to when it cannot open a
  file for writing, with the same error on a write. (``PRAGMA query_only``
  would be a different thing: it also refuses ``BEGIN IMMEDIATE``.)
- *Disk full*: ``PRAGMA max_page_count`` is set to the file's current size on
  every connection, so any write that needs one more page fails with
  SQLITE_FULL, the error a full disk gives.
- *Locked*: another process holds ``BEGIN EXCLUSIVE``; the busy timeout is cut
  to 300 ms with ``ANNOTATOR_BUSY_TIMEOUT_MS`` so the test does not wait 5 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from annotator.cli import main
from annotator.core.model import Annotation
from annotator.services import annotating, importing
from annotator.services.library import Library
from annotator.storage.engine import BUSY_TIMEOUT_ENV, LibraryError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and processes")

TEXT = "Field notes \U0001f600: the cat sat. The dog\u00a0barked at the cat.\n"
BIG_NOTE = "a note that needs many new pages " * 8000  # ~260 KB


@dataclass
class Saved:
    """A closed library with a document and two annotations, as they were saved."""

    path: Path
    url: str
    document_id: str
    annotations: list[Annotation]


@pytest.fixture
def saved(tmp_path: Path) -> Saved:
    folder = tmp_path / "library"
    folder.mkdir()
    path = folder / "lib.sqlite3"
    source = tmp_path / "notes.txt"
    source.write_text(TEXT, encoding="utf-8")
    url = f"sqlite:///{path}"
    with Library.open(url) as library:
        doc_id = importing.import_paths(library, [source]).documents[0].id
        claim, evidence = library.tag_named("claim").id, library.tag_named("evidence").id
        annotating.create_annotation(library, document_id=doc_id, tag_id=claim, start=0, end=11, note="first")
        annotating.create_annotation(library, document_id=doc_id, tag_id=evidence, start=15, end=27)
        annotations = library.annotations(doc_id)
    return Saved(path, url, doc_id, annotations)


def assert_intact(saved: Saved) -> None:
    """The library opens, passes its integrity check and holds exactly what was saved."""
    with Library.open(saved.url) as library:
        with library.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert library.annotations(saved.document_id) == saved.annotations


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error_line(code: int, err: str, needle: str) -> None:
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("annotator: error: ")
    assert needle in lines[0], lines[0]
    assert "Traceback" not in err


# -- read-only ------------------------------------------------------------------------------------


def _open_read_only(dialect: Any, record: Any, cargs: list[Any], cparams: dict[str, Any]) -> None:
    cargs[0] = f"file:{quote(str(cargs[0]))}?mode=ro"
    cparams["uri"] = True


@contextmanager
def read_only(saved: Saved) -> Iterator[bool]:
    """Make the saved library read-only; yields True when that had to be simulated (root)."""
    saved.path.chmod(0o444)
    saved.path.parent.chmod(0o555)
    simulated = os.access(saved.path, os.W_OK)  # root: chmod does not stop writes
    if simulated:
        sa.event.listen(Engine, "do_connect", _open_read_only)
    try:
        yield simulated
    finally:
        if simulated:
            sa.event.remove(Engine, "do_connect", _open_read_only)
        saved.path.parent.chmod(0o755)
        saved.path.chmod(0o600)


def test_read_only_library_refuses_the_edit_and_keeps_the_rest(saved: Saved) -> None:
    with read_only(saved) as simulated:
        if not simulated:
            # A real read-only WAL library in a read-only folder (not root): SQLite cannot make
            # its shared-memory file, so even opening fails; either way, with a clear message.
            with pytest.raises(LibraryError, match="read-only|cannot be opened"), Library.open(saved.url) as library:
                annotating.set_note(library, annotation_id=saved.annotations[0].id, note="changed")
        else:
            with Library.open(saved.url) as library:
                assert library.annotations(saved.document_id) == saved.annotations  # reading works
                claim = library.tag_named("claim").id
                with pytest.raises(LibraryError, match="read-only; nothing was saved"):
                    annotating.create_annotation(library, document_id=saved.document_id, tag_id=claim, start=30, end=33)
                with pytest.raises(LibraryError, match="read-only"):
                    annotating.set_note(library, annotation_id=saved.annotations[0].id, note="changed")
                with pytest.raises(LibraryError, match="read-only"):
                    annotating.delete_annotation(library, annotation_id=saved.annotations[1].id)
                assert library.annotations(saved.document_id) == saved.annotations
    assert_intact(saved)


def test_cli_on_a_read_only_library_says_so_in_one_line(capsys: pytest.CaptureFixture[str], saved: Saved) -> None:
    with read_only(saved) as simulated:
        code, out, err = run_cli(
            capsys, "--database", str(saved.path), "annotate", saved.document_id,
            "--tag", "claim", "--start", "30", "--end", "33",
        )  # fmt: skip
    assert_one_error_line(code, err, "read-only" if simulated else "cannot")
    assert out == ""
    assert_intact(saved)


# -- disk full ------------------------------------------------------------------------------------


def _no_room_to_grow(dbapi_conn: Any, record: Any) -> None:
    pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
    dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")


@contextmanager
def disk_full() -> Iterator[None]:
    """Every new SQLite connection may not grow its file by a single page."""
    sa.event.listen(Engine, "connect", _no_room_to_grow)
    try:
        yield
    finally:
        sa.event.remove(Engine, "connect", _no_room_to_grow)


def test_full_disk_refuses_the_edit_and_keeps_the_rest(saved: Saved) -> None:
    with disk_full(), Library.open(saved.url) as library:
        claim = library.tag_named("claim").id
        with pytest.raises(LibraryError, match="the disk is full; nothing was saved"):
            annotating.create_annotation(
                library, document_id=saved.document_id, tag_id=claim, start=30, end=33, note=BIG_NOTE
            )
        with pytest.raises(LibraryError, match="disk is full"):
            annotating.set_note(library, annotation_id=saved.annotations[0].id, note=BIG_NOTE)
        assert library.annotations(saved.document_id) == saved.annotations
    assert_intact(saved)
    with Library.open(saved.url) as library:  # with room again, the same edit works
        annotating.set_note(library, annotation_id=saved.annotations[0].id, note=BIG_NOTE)
        assert library.annotation(saved.annotations[0].id).note == BIG_NOTE


def test_cli_on_a_full_disk_says_so_in_one_line(capsys: pytest.CaptureFixture[str], saved: Saved) -> None:
    with disk_full():
        code, out, err = run_cli(
            capsys, "--database", str(saved.path), "annotate", saved.document_id, "--tag", "claim",
            "--start", "30", "--end", "33", "--note", BIG_NOTE,
        )  # fmt: skip
    assert_one_error_line(code, err, "the disk is full")
    assert out == ""
    assert_intact(saved)


# -- locked by another program --------------------------------------------------------------------

LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
conn.close()
"""


@contextmanager
def locked_by_another_process(path: Path) -> Iterator[None]:
    """Another process holds the library's write lock until the block ends."""
    proc = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        yield
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=10)


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "300")


@pytest.mark.usefixtures("short_busy_timeout")
def test_locked_library_waits_then_says_busy_and_keeps_the_rest(saved: Saved) -> None:
    with Library.open(saved.url) as library:
        claim = library.tag_named("claim").id
        with locked_by_another_process(saved.path):
            with pytest.raises(LibraryError, match="busy in another program; nothing was saved"):
                annotating.create_annotation(library, document_id=saved.document_id, tag_id=claim, start=30, end=33)
            with pytest.raises(LibraryError, match="busy"):
                annotating.set_note(library, annotation_id=saved.annotations[0].id, note="changed")
        assert library.annotations(saved.document_id) == saved.annotations
        assert_intact(saved)
        # Once the other program lets go, the same edit goes through.
        annotating.set_note(library, annotation_id=saved.annotations[0].id, note="changed")
        assert library.annotation(saved.annotations[0].id).note == "changed"


@pytest.mark.usefixtures("short_busy_timeout")
def test_cli_on_a_locked_library_says_busy_in_one_line(capsys: pytest.CaptureFixture[str], saved: Saved) -> None:
    with locked_by_another_process(saved.path):
        code, out, err = run_cli(
            capsys,
            "--database",
            str(saved.path),
            "annotate",
            saved.document_id,
            "--tag",
            "claim",
            "--start",
            "30",
            "--end",
            "33",
        )
    assert_one_error_line(code, err, "busy")
    assert out == ""
    assert_intact(saved)


def test_the_busy_timeout_comes_from_the_environment(saved: Saved, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "1234")
    with Library.open(saved.url) as library, library.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 1234
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "soon")
    with pytest.raises(LibraryError, match="whole number of milliseconds"):
        Library.open(saved.url)
