"""Storage: the engine factory and opening a library.

SQLite libraries run in WAL mode with foreign keys on, ``synchronous=FULL`` (a
committed edit survives a power cut, not just a crash) and a busy timeout so a
second process waits instead of failing at once. The other backend is
PostgreSQL, which teams use. Opening a library runs the Alembic migrations.

Two programs may write one SQLite library at the same time (two windows, the
GUI and a CLI script). A unit of work reads, then writes (``_update`` reads the
annotation it changes); under a plain deferred ``BEGIN``, if another program
commits in between, the first write fails with SQLITE_BUSY at once, without
waiting for the busy timeout. So a unit of work asks (execution option
:data:`BEGIN_IMMEDIATE`) for ``BEGIN IMMEDIATE``: it takes the write lock at the
start, waits its turn and then reads fresh data, and neither program loses the
other's edit. Plain connections (migrations, ad-hoc reads) keep ``BEGIN``.

A URL is checked before anything connects (:func:`check_database_url`): a
malformed one, a database other than SQLite or PostgreSQL, or a driver that is
not installed is refused with a :class:`LibraryError` that says what to write
instead. A server that does not answer is given up after a connect timeout
(:data:`CONNECT_TIMEOUT_ENV`, default 10 s) instead of hanging forever. A new
SQLite library is only made in a folder that exists: a typo in a folder name
must not silently start an empty library somewhere else.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections import Counter
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa
import sqlalchemy.exc as sa_exc
from sqlalchemy.engine import Engine, make_url

# An AnnotatorError, defined with the others in core.errors; storage raises it.
from annotator.core.errors import LibraryError as LibraryError

BUSY_TIMEOUT_MS = 5000
#: Execution option: start this connection's transactions with ``BEGIN IMMEDIATE`` (SQLite).
BEGIN_IMMEDIATE = "annotator_begin_immediate"
#: Environment variable overriding :data:`BUSY_TIMEOUT_MS` (milliseconds): a slow network
#: share may want longer, tests of a locked library want short.
BUSY_TIMEOUT_ENV = "ANNOTATOR_BUSY_TIMEOUT_MS"


def _whole_number_from_env(variable: str, default: int, unit: str) -> int:
    """A non-negative whole number from the environment variable *variable*, else *default*."""
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise LibraryError(f"{variable} must be a whole number of {unit}, not {value!r}")
    return number


def busy_timeout_ms() -> int:
    """How long (ms) a transaction waits for another program's lock before failing "busy"."""
    return _whole_number_from_env(BUSY_TIMEOUT_ENV, BUSY_TIMEOUT_MS, "milliseconds")


#: Seconds to wait for a database server to accept a connection before giving up.
CONNECT_TIMEOUT_S = 10
#: Environment variable overriding :data:`CONNECT_TIMEOUT_S` (whole seconds; 0 waits forever).
#: libpq's own minimum is 2 s, so 1 means 2.
CONNECT_TIMEOUT_ENV = "ANNOTATOR_CONNECT_TIMEOUT"

#: libpq's settings that make a connection to a server that vanished (host down, network gone)
#: fail within about a minute instead of waiting forever: TCP keepalives for an idle connection
#: (a window's change listener), a limit on unacknowledged data for a busy one. A URL may set its own.
POSTGRES_LIVENESS = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 60_000,
}

#: The databases Annotator's schema and migrations are written and tested for.
SUPPORTED_BACKENDS = ("sqlite", "postgresql")
#: How a PostgreSQL URL is written, for messages.
POSTGRES_EXAMPLE = "postgresql+psycopg://user@host:5432/dbname"
#: How to get the PostgreSQL driver, which is Annotator's ``postgres`` extra (pyproject.toml).
POSTGRES_DRIVER_HINT = (
    "; install it with: pip install 'annotator[postgres]' (pipx: pipx inject annotator 'psycopg[binary]')"
)


def connect_timeout_s() -> int:
    """How long (seconds) to wait for a database server to answer a connection; 0: forever."""
    return _whole_number_from_env(CONNECT_TIMEOUT_ENV, CONNECT_TIMEOUT_S, "seconds")


def _hide_password(url: str) -> str:
    # For URLs make_url() cannot parse, so SQLAlchemy cannot hide the password itself.
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def _why_malformed(url: str) -> str:
    try:
        _ = urlsplit(url).port  # raises ValueError for a port that is not a number
    except ValueError:
        return "the port must be a number"
    return "it cannot be parsed"


def check_database_url(url: str) -> sa.URL:
    """*url* parsed, if it names a database Annotator can open; else :class:`LibraryError`.

    Refused: a malformed URL, a backend other than SQLite or PostgreSQL (the
    schema and its migrations are tested on those two only), a driver that is
    not installed or is asyncio-only, and a SQLite URL with a user or host
    (a SQLite library is a file), with query options (which pysqlite would
    ignore, ``?mode=ro`` included) or naming no file (a database in memory,
    :func:`refuse_in_memory`).
    """
    try:
        parsed = make_url(url)
    except (sa_exc.ArgumentError, ValueError) as exc:
        raise LibraryError(
            f"{_hide_password(url)!r} is not a valid database URL ({_why_malformed(url)}); "
            f"write a PostgreSQL URL as {POSTGRES_EXAMPLE}, or give a SQLite file's path"
        ) from exc
    shown = parsed.render_as_string(hide_password=True)
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        hint = f"; did you mean {POSTGRES_EXAMPLE}?" if backend in ("postgres", "pg", "psql") else ""
        raise LibraryError(
            f"{shown}: Annotator works with SQLite files and PostgreSQL ({POSTGRES_EXAMPLE}), "
            f"not {backend!r} databases{hint}"
        )
    try:
        dialect = parsed.get_dialect()
    except sa_exc.NoSuchModuleError as exc:
        raise LibraryError(f"{shown}: there is no {backend} driver {parsed.get_driver_name()!r}") from exc
    try:
        dialect.import_dbapi()
    except ImportError as exc:
        hint = ""
        if dialect.driver == "psycopg":
            hint = POSTGRES_DRIVER_HINT
        elif backend == "postgresql":
            hint = f"; use {POSTGRES_EXAMPLE}"
        raise LibraryError(f"{shown}: the {backend} driver {dialect.driver!r} is not installed{hint}") from exc
    if dialect.is_async:
        raise LibraryError(f"{shown}: asyncio drivers are not supported; use {POSTGRES_EXAMPLE}")
    if backend == "sqlite" and (parsed.username or parsed.password or parsed.host or parsed.port):
        raise LibraryError(
            f"{shown}: a SQLite library is a file, so its URL has no user or host; "
            "write sqlite:///relative/path.sqlite3 or sqlite:////absolute/path.sqlite3, or just the path"
        )
    if backend == "sqlite":
        _refuse_in_memory(parsed)
        if parsed.query:  # pysqlite would ignore them with a warning (mode=ro too), or need uri=true
            raise LibraryError(
                f"{shown}: a SQLite library URL takes no options ({', '.join(parsed.query)}); write "
                "sqlite:///path/to/library.sqlite3 or just the path (to keep a library unchanged, make its file read-only)"
            )
    return parsed


def _refuse_in_memory(parsed: sa.URL) -> None:
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise LibraryError(
            f"{parsed.render_as_string(hide_password=True)} is a library in memory, which is gone when the "
            "program ends; give a library file (a path, or sqlite:///path/to/library.sqlite3); "
            "is a variable in it empty?"
        )


def refuse_in_memory(url: str) -> None:
    """Raise :class:`LibraryError` if *url* names a SQLite database in memory (``sqlite://``,
    ``sqlite:///``, ``sqlite:///:memory:``): what it stores is lost when the program ends, so
    it is never what someone means (more likely ``sqlite:///$LIB`` with ``LIB`` unset).
    A URL that cannot be parsed is left to :func:`check_database_url`."""
    try:
        parsed = make_url(url)
    except (sa_exc.ArgumentError, ValueError):
        return
    _refuse_in_memory(parsed)


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: object, timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
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

    *url* is checked first (:func:`check_database_url`). A SQLite file that does
    not exist is created (0600), but only in an existing folder: the folder of a
    new library is never made here (the default library's folder is made by
    :func:`annotator.config.ensure_data_dir`). *busy_timeout* (ms) defaults to
    :func:`busy_timeout_ms` (the environment or 5 s). A server database gets a
    connect timeout (:func:`connect_timeout_s`) and gives up on a vanished server
    (:data:`POSTGRES_LIVENESS`) unless the URL says otherwise.
    """
    parsed = check_database_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(parsed)
        if path is not None:
            if not path.parent.is_dir():
                what = "is not a folder" if path.parent.exists() else "does not exist"
                raise LibraryError(f"cannot make a library at {path}: the folder {path.parent} {what}")
            if not path.exists():
                # Created readable by the user only: a library is private work.
                fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
        timeout_ms = busy_timeout_ms() if busy_timeout is None else busy_timeout
        engine = sa.create_engine(parsed, connect_args={"timeout": timeout_ms / 1000})
        sa.event.listen(engine, "connect", partial(_on_sqlite_connect, timeout_ms=timeout_ms))
        sa.event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    connect_args: dict[str, object] = {}
    if "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = connect_timeout_s()  # libpq's name, honoured by psycopg
    connect_args.update((name, value) for name, value in POSTGRES_LIVENESS.items() if name not in parsed.query)
    return sa.create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)


def describe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_file(url: str | sa.URL | Path) -> Path | None:
    """The file a library URL means: the one place that answers "which SQLite file is this?".

    A :class:`~pathlib.Path`, or a string without ``://``, is a file already. A
    ``sqlite:///`` URL means its database file. None for an in-memory database, a
    ``file:`` URI (SQLite's own syntax, which may carry options) or a server database.
    """
    if isinstance(url, Path):
        return url
    if isinstance(url, str) and "://" not in url:
        return Path(url)
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


# -- library files this process has open --------------------------------------------------------------
#
# SQLite keeps its locks as POSIX advisory locks, which belong to the process: closing *any*
# descriptor of a file drops every lock this process holds on it. SQLite's own connections know
# this and work around it; a plain open() and close() of a library file this process has open
# (reading it as an import, or its header) would silently drop the window's locks, so another
# program's commits could be overwritten. Such files are therefore never read as plain files.

#: (device, inode) of each SQLite library file open here -> how many open libraries hold it.
_HELD: Counter[tuple[int, int]] = Counter()
#: SQLite's companions of a library file: ``<name>-wal``, ``<name>-shm``, ``<name>-journal``.
COMPANIONS = ("-wal", "-shm", "-journal")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino


def hold_file(path: Path) -> tuple[int, int] | None:
    """Note that this process has the library file *path* open (until :func:`release_file`)."""
    key = _identity(path)
    if key is not None:
        _HELD[key] += 1
    return key


def release_file(key: tuple[int, int] | None) -> None:
    if key is not None and _HELD[key] > 0:
        _HELD[key] -= 1
        if not _HELD[key]:
            del _HELD[key]


def held_here(path: Path) -> bool:
    """Whether *path* is a library file this process has open, or one of its companions: a file
    that must not be opened and closed as a plain file (see above)."""
    if not _HELD:
        return False
    candidates = [path] + [path.with_name(path.name[: -len(s)]) for s in COMPANIONS if path.name.endswith(s)]
    return any(_identity(p) in _HELD for p in candidates)


def describe_library(url: str) -> str:
    """Where a library is, for people: a SQLite file's path, ``user@host/db`` for a server.

    Never the password, and not the URL (``sqlite:////home/…`` means little to a reader).
    """
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":  # in memory, or a "file:" URI
        database = parsed.database or ""
        return "a library in memory" if database in ("", ":memory:") else database
    host = (parsed.host or "localhost") + (f":{parsed.port}" if parsed.port else "")
    return (f"{parsed.username}@" if parsed.username else "") + f"{host}/{parsed.database or ''}"
