"""Storage: looking at a library without changing it: is this file a sound Annotator library?

One function reads a SQLite file read-only and says what it found
(:func:`inspect_file`): SQLite's quick or integrity check, its tables, and on
request the foreign key check, the schema revision and how many documents and
annotations it holds. Opening a library (:func:`check_library_file`), making and
restoring backups (:func:`problem_with`), listing backups and ``annotator db
check`` all ask it and word the answer for their purpose. A server library is
read through SQLAlchemy instead (:func:`inspect_server`): its integrity and
foreign keys are the server's business.

Nothing here writes: files are opened with ``mode=ro`` (and ``immutable=1`` for
finished backups, which then need no lock and get no ``-shm`` beside them).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote

import sqlalchemy as sa
import sqlalchemy.exc as sa_exc

from annotator.core.errors import LibraryError
from annotator.storage.engine import describe_url, held_here, make_engine
from annotator.storage.uow import explain_db_error

#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: The table only an Annotator library (Alembic's migrations) has.
VERSION_TABLE = "alembic_version"

Check = Literal["quick_check", "integrity_check"]


def stored_revisions(conn: sa.Connection) -> list[str] | None:
    """The revisions in ``alembic_version`` (one, unless something went wrong), read with plain
    SQL, without Alembic; None when there is no such table (a new database, or another program's)."""
    if not sa.inspect(conn).has_table(VERSION_TABLE):
        return None
    return list(conn.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A SQLite URI that opens *path* read-only; "%", "?" and "#" in the path are escaped.

    *immutable* promises SQLite the file cannot change (true of a finished backup),
    so it takes no locks and creates no ``-shm`` or ``-wal`` file beside it.
    """
    return f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")


@contextmanager
def open_read_only(path: Path, *, immutable: bool = False) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the SQLite file at *path*, closed afterwards."""
    if not path.is_file():
        raise LibraryError(f"{path} does not exist or is not a file")
    with closing(sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True)) as conn:
        yield conn


@dataclass(frozen=True, slots=True)
class Inspection:
    """Storage: what reading a library found. ``None`` where it was not asked or not reached.

    ``check`` holds the rows of the quick or integrity check (``("ok",)`` when
    sound). ``unreadable`` is set when the file could not be read at all (busy,
    no permission: a fact about access, not about the file), ``damage`` when
    SQLite found it is not a database or is malformed; reading stops there.
    """

    target: str
    check: tuple[str, ...] | None = None
    foreign_keys: tuple[tuple[str, int, str], ...] | None = None  # (table, rowid, missing parent)
    tables: frozenset[str] | None = None
    revision: str | None = None
    documents: int | None = None
    annotations: int | None = None
    unreadable: str | None = None
    damage: str | None = None

    @property
    def is_annotator_library(self) -> bool:
        """Whether it has Annotator's schema table (an empty database has none either)."""
        return self.tables is not None and VERSION_TABLE in self.tables


def inspect_file(
    path: Path,
    *,
    check: Check | None = "quick_check",
    foreign_keys: bool = False,
    contents: bool = False,
    immutable: bool = False,
    cancelled: Callable[[], bool] | None = None,
) -> Inspection:
    """Read the SQLite file at *path* read-only and say what was found (see :class:`Inspection`).

    *check* runs SQLite's quick check (structure) or integrity check (every index
    entry too); *foreign_keys* the foreign key check; *contents* reads the schema
    revision and the document and annotation counts. The tables are always listed.
    *cancelled*, asked as SQLite works, stops the reading when it says True (then
    ``unreadable`` says "interrupted"). Raises :class:`LibraryError` only if *path* is not a file.
    """
    found: dict[str, object] = {}
    rows: list[str] = []  # kept as far as they were read, should reading fail half-way
    try:
        with open_read_only(path, immutable=immutable) as conn:
            if cancelled is not None:
                conn.set_progress_handler(cancelled, 100_000)  # a true answer interrupts the statement
            if check is not None:
                found["check"] = rows
                rows.extend(r[0] for r in conn.execute(f"PRAGMA {check}"))
            if foreign_keys:
                found["foreign_keys"] = tuple(
                    (table, rowid, parent) for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
                )
            tables = frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
            found["tables"] = tables
            if contents:
                if VERSION_TABLE in tables:
                    row = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
                    found["revision"] = row[0] if row else None
                if {"document", "annotation"} <= tables:
                    found["documents"] = conn.execute("SELECT count(*) FROM document").fetchone()[0]
                    found["annotations"] = conn.execute("SELECT count(*) FROM annotation").fetchone()[0]
    except sqlite3.OperationalError as exc:  # cannot open, busy, locked: a fact about access
        found["unreadable"] = str(exc)
    except sqlite3.DatabaseError as exc:  # not a database, malformed
        found["damage"] = str(exc)
    if "check" in found:
        found["check"] = tuple(rows)
    return Inspection(str(path), **found)  # type: ignore[arg-type]


def problem_with(path: Path, *, immutable: bool = False) -> str | None:
    """Why the SQLite file at *path* is not a sound Annotator library, or None if it is.

    Runs ``PRAGMA quick_check`` (structure, not every index entry) read-only; a
    file without Annotator's ``alembic_version`` table is another program's.
    Raises :class:`LibraryError` when the file cannot be read at all (missing,
    no permission, locked): that says nothing about its contents.
    """
    found = inspect_file(path, immutable=immutable)
    if found.check and found.check[0] != "ok":
        return f"damaged ({found.check[0]})"
    if found.unreadable is not None:
        raise LibraryError(f"cannot read {path} ({found.unreadable})")
    if found.damage is not None:
        return f"damaged or not a SQLite database ({found.damage})"
    if not found.is_annotator_library:
        return "not an Annotator library"
    return None


def refuse_folder(path: Path) -> None:
    """Raise :class:`LibraryError` if *path* is a folder: a library is a file (in it, perhaps)."""
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file; give the path of a library file")


def refuse_read_only_folder(path: Path) -> None:
    """Raise :class:`LibraryError` if *path*'s folder cannot be written: SQLite writes its journal
    beside the library, so it cannot open the file there (and would call it unopenable, not why)."""
    if path.parent.is_dir() and not os.access(path.parent, os.W_OK):
        raise LibraryError(
            f"the folder {path.parent} is read-only, and SQLite needs to write its journal beside the library; "
            "copy the library to a folder you can write to and open it there"
        )


def check_library_file(path: Path, *, quick_check: bool = True) -> None:
    """Refuse, with :class:`LibraryError`, a file that is not an Annotator library, before it is opened.

    A missing or empty file is fine (it becomes a new library); so is an empty
    SQLite database. Nothing is written, so a refused file is left as it was.
    Without *quick_check* only the header and the schema are read (a file that is
    not a database, or another program's, is refused all the same); damage deeper
    in is then left to :class:`annotator.storage.integrity.QuickCheck`.
    """
    refuse_folder(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    if held_here(path):
        return  # open in this process already (checked then); reading it would drop its locks
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise LibraryError(f"{path} is not an Annotator library (not a SQLite database); it was left unchanged")
    found = inspect_file(path, check="quick_check" if quick_check else None)
    if found.check and found.check[0] != "ok":
        raise LibraryError(f"{path} is damaged ({found.check[0]}); it was left unchanged")
    cause = found.unreadable if found.unreadable is not None else found.damage
    if cause is not None:
        raise LibraryError(f"{path} is damaged and cannot be opened ({cause}); it was left unchanged")
    if found.tables and not found.is_annotator_library:
        raise LibraryError(f"{path} is a SQLite database of another program, not an Annotator library")


def inspect_server(url: str) -> Inspection:
    """The schema revision, tables and counts of a server library (PostgreSQL), read-only.

    Raises :class:`LibraryError` if the server cannot be reached or read.
    """
    target = describe_url(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            revisions = stored_revisions(conn)
            revision = ", ".join(revisions) if revisions else None
            tables = frozenset(sa.inspect(conn).get_table_names())
            documents = annotations = None
            if {"document", "annotation"} <= tables:
                documents = conn.execute(sa.text("SELECT count(*) FROM document")).scalar()
                annotations = conn.execute(sa.text("SELECT count(*) FROM annotation")).scalar()
    except sa_exc.SQLAlchemyError as exc:
        raise LibraryError(f"cannot check {target}: {explain_db_error(exc)}") from exc
    finally:
        engine.dispose()
    return Inspection(target, tables=tables, revision=revision, documents=documents, annotations=annotations)
