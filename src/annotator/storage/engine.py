"""Storage: the engine factory and opening a library.

SQLite libraries run in WAL mode with foreign keys on, ``synchronous=FULL`` (a
committed edit survives a power cut, not just a crash) and a busy timeout so a
second process waits instead of failing at once. Any other SQLAlchemy URL works;
PostgreSQL is what teams use. Opening a library runs the Alembic migrations.

Two programs may write one SQLite library at the same time (two windows, the
GUI and a CLI script). A unit of work reads, then writes (``_update`` reads the
annotation it changes); under a plain deferred ``BEGIN``, if another program
commits in between, the first write fails with SQLITE_BUSY at once, without
waiting for the busy timeout. So a unit of work asks (execution option
:data:`BEGIN_IMMEDIATE`) for ``BEGIN IMMEDIATE``: it takes the write lock at the
start, waits its turn and then reads fresh data, and neither program loses the
other's edit. Plain connections (migrations, ad-hoc reads) keep ``BEGIN``.
"""

from __future__ import annotations

import os
import sqlite3
from functools import partial
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url


class LibraryError(RuntimeError):
    """The library cannot be opened or written (corrupt, foreign, locked, read-only...)."""


BUSY_TIMEOUT_MS = 5000
#: Execution option: start this connection's transactions with ``BEGIN IMMEDIATE`` (SQLite).
BEGIN_IMMEDIATE = "annotator_begin_immediate"
#: Environment variable overriding :data:`BUSY_TIMEOUT_MS` (milliseconds): a slow network
#: share may want longer, tests of a locked library want short.
BUSY_TIMEOUT_ENV = "ANNOTATOR_BUSY_TIMEOUT_MS"


def busy_timeout_ms() -> int:
    """How long (ms) a transaction waits for another program's lock before failing "busy"."""
    value = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if not value:
        return BUSY_TIMEOUT_MS
    try:
        timeout = int(value)
    except ValueError:
        timeout = -1
    if timeout < 0:
        raise LibraryError(f"{BUSY_TIMEOUT_ENV} must be a whole number of milliseconds, not {value!r}")
    return timeout


def _sqlite_path(url: sa.URL) -> Path | None:
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def _on_sqlite_connect(
    dbapi_conn: sqlite3.Connection, _record: object, timeout_ms: int = BUSY_TIMEOUT_MS
) -> None:
    # pysqlite's own transaction handling would defer BEGIN; let SQLAlchemy emit it.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _on_sqlite_begin(conn: sa.Connection) -> None:
    # IMMEDIATE takes the write lock now, waiting for it under the busy timeout (see above).
    immediate = conn.get_execution_options().get(BEGIN_IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, *, busy_timeout: int | None = None) -> Engine:
    """Create an engine for *url* with our SQLite settings where it is SQLite.

    *busy_timeout* (ms) defaults to :func:`busy_timeout_ms` (the environment or 5 s).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = _sqlite_path(parsed)
        if path is not None:
            if not path.parent.exists():
                path.parent.mkdir(mode=0o700, parents=True)  # a new library folder is private too
            if not path.exists():
                # Created readable by the user only: a library is private work.
                fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
        timeout_ms = busy_timeout_ms() if busy_timeout is None else busy_timeout
        engine = sa.create_engine(parsed, connect_args={"timeout": timeout_ms / 1000})
        sa.event.listen(engine, "connect", partial(_on_sqlite_connect, timeout_ms=timeout_ms))
        sa.event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return sa.create_engine(parsed, pool_pre_ping=True)


def describe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_file(url: str | sa.URL) -> Path | None:
    """The file of a SQLite library URL; None for an in-memory SQLite database or another backend."""
    parsed = make_url(url)
    return _sqlite_path(parsed) if parsed.get_backend_name() == "sqlite" else None
